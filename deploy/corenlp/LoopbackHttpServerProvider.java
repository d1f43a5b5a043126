// Makes StanfordCoreNLPServer listen on loopback only. The server has no
// option for its bind address: it calls HttpServer.create(new
// InetSocketAddress(port), 0), the wildcard address. The JDK picks the
// HttpServer implementation from the system property
// com.sun.net.httpserver.HttpServerProvider (see HttpServerProvider.provider());
// this provider is the JDK's own one, except that a wildcard address becomes
// the address in -Ddipgraph.corenlp.bind (default 127.0.0.1).
//
// Compiled by ./corenlpctl into $DIPGRAPH_CORENLP_HOME/classes and run with
//   --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED
//   -Dcom.sun.net.httpserver.HttpServerProvider=LoopbackHttpServerProvider
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import sun.net.httpserver.DefaultHttpServerProvider;

public class LoopbackHttpServerProvider extends HttpServerProvider {
    private final HttpServerProvider jdk = new DefaultHttpServerProvider();

    private static InetSocketAddress bind(InetSocketAddress addr) throws IOException {
        if (addr == null || !addr.getAddress().isAnyLocalAddress()) {
            return addr;
        }
        String host = System.getProperty("dipgraph.corenlp.bind", "127.0.0.1");
        return new InetSocketAddress(InetAddress.getByName(host), addr.getPort());
    }

    @Override
    public HttpServer createHttpServer(InetSocketAddress addr, int backlog) throws IOException {
        return jdk.createHttpServer(bind(addr), backlog);
    }

    @Override
    public HttpsServer createHttpsServer(InetSocketAddress addr, int backlog) throws IOException {
        return jdk.createHttpsServer(bind(addr), backlog);
    }
}
