package corenlp_test

import (
	"context"
	"errors"
	"net"
	"testing"

	"github.com/dipgraph/dipgraph/extract/corenlp"
)

func TestPing(t *testing.T) {
	up := serverURL(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	ctx := context.Background()
	if err := corenlp.New(corenlp.Config{URLs: []string{up}}).Ping(ctx); err != nil {
		t.Errorf("Ping(%s) = %v, want nil", up, err)
	}
	if err := corenlp.New(corenlp.Config{URLs: []string{closed, up}}).Ping(ctx); err != nil {
		t.Errorf("Ping with one of two servers down = %v, want nil", err)
	}
	err = corenlp.New(corenlp.Config{URLs: []string{closed}}).Ping(ctx)
	if !errors.Is(err, corenlp.ErrUnavailable) {
		t.Errorf("Ping(%s) with nothing listening = %v, want ErrUnavailable", closed, err)
	}
}
