package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/serve"
)

type serveOptions struct {
	paths       []string
	config      string
	addr        string
	open        bool
	allowRemote bool
	// ready, when set, is told the address once the server listens (tests).
	ready func(addr string)
}

func newServeCmd(io *IO) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [PATH...]",
		Short: "Preview journeys in the browser, redrawn on every save",
		Long: `Serve starts a local web server with a page that lists the journeys under the
PATHs and their findings, and draws each one in every view and theme, with
or without the lint overlay. The open page redraws within a second of a save
of a journey or its journeymap.yaml; an invalid save shows its findings and
keeps the last good picture.

The server listens on the loopback address only (127.0.0.1:7878 by default),
serves nothing but the journeys' pictures and its own page, and stops on
Ctrl-C. Every save re-reads and re-lints the journeys under the PATHs, which
takes a moment on a portfolio of thousands: point it at the folder you work
in.`,
		Example: `  journeymap serve
  journeymap serve journeys/ --open
  journeymap serve --addr 127.0.0.1:9000 examples/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, io, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", "127.0.0.1:7878", "address to listen on (HOST:PORT; port 0 picks a free one)")
	f.BoolVar(&opts.open, "open", false, "open the page in the default browser")
	f.BoolVar(&opts.allowRemote, "allow-remote", false, "allow an --addr that is not on the loopback, so others on the network can see the preview")
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	return cmd
}

func runServe(ctx context.Context, io *IO, opts *serveOptions) error {
	if err := serve.CheckAddr(opts.addr, opts.allowRemote); err != nil {
		return usageError("%v", err)
	}
	for _, p := range opts.paths {
		if p == "-" {
			return usageError("serve watches files; standard input cannot be served")
		}
	}
	// The first load checks the PATHs as every command does (exit 2 for a
	// PATH with no journeys); later loads keep going through such problems.
	if _, err := journey.Load(opts.paths, journey.LoadOptions{Config: opts.config}); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return usageError("cannot listen on %s: %v", opts.addr, err)
	}
	url := pageURL(ln.Addr())
	fmt.Fprintf(io.Err, "journeymap: serving %s on %s (Ctrl-C to stop)\n", describePaths(opts.paths), url)
	if opts.ready != nil {
		opts.ready(ln.Addr().String())
	}
	if opts.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(io.Err, "journeymap: cannot open a browser (%v); open %s yourself\n", err, url)
		}
	}
	srv := serve.New(serve.Options{Paths: opts.paths, Config: opts.config, AllowRemote: opts.allowRemote, Log: io.Err})
	if err := srv.Run(ctx, ln); err != nil {
		return &exitError{code: exitInternal, err: fmt.Errorf("server stopped: %v", err)}
	}
	fmt.Fprintln(io.Err, "journeymap: stopped")
	return nil
}

func describePaths(paths []string) string {
	if len(paths) == 0 {
		return "the journeys under ."
	}
	return "the journeys under " + strings.Join(paths, ", ")
}

// pageURL is the address to open in a browser: a server listening on every
// interface ([::] or 0.0.0.0) is reached on this machine as 127.0.0.1.
func pageURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// openBrowser asks the desktop to open url, without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
