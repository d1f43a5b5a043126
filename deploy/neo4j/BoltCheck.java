// Readiness probe used by ./neo4jctl: connects over Bolt with the configured
// credentials and runs a real query (RETURN 1). Uses the Neo4j Java driver that
// the server itself ships in lib/ (org.neo4j.driver:neo4j-java-driver), run as a
// single-file source program:  java -cp 'lib/*' BoltCheck.java URI USER PASSWORD
// Exit codes: 0 query ok, 2 authentication failed, 1 anything else (not ready yet).
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

public class BoltCheck {
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: BoltCheck URI USER PASSWORD");
            System.exit(64);
        }
        Logger.getLogger("").setLevel(Level.OFF);
        Config cfg = Config.builder()
                .withoutEncryption()
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(1)
                .withLogging(org.neo4j.driver.Logging.none())
                .build();
        try (var driver = GraphDatabase.driver(args[0], AuthTokens.basic(args[1], args[2]), cfg);
                var session = driver.session()) {
            long one = session.run("RETURN 1 AS one").single().get("one").asLong();
            if (one != 1) {
                System.err.println("BoltCheck: unexpected result " + one);
                System.exit(1);
            }
            System.exit(0);
        } catch (AuthenticationException e) {
            System.err.println("BoltCheck: authentication failed for user '" + args[1] + "': " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("BoltCheck: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
