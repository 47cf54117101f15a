package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// maxMessage bounds one JSON-RPC message. A journey file is at most 8 MiB
// (journey.MaxFileSize); JSON escaping can nearly double it.
const maxMessage = 20 << 20

// JSON-RPC 2.0 error codes (and LSP's own).
const (
	codeParseError       = -32700
	codeInvalidRequest   = -32600
	codeMethodNotFound   = -32601
	codeInvalidParams    = -32602
	codeInternalError    = -32603
	codeServerNotInit    = -32002
	codeRequestCancelled = -32800
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *message) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

func errorf(code int, format string, args ...any) *rpcError {
	return &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// errFraming is a stream that no longer carries LSP messages; the server
// cannot resynchronise and stops.
var errFraming = errors.New("malformed message framing")

// reader reads Content-Length framed messages.
type reader struct{ r *bufio.Reader }

// read returns the next message body. A body that is not JSON is returned
// as is: the caller answers it with a parse error and goes on.
func (rd *reader) read() ([]byte, error) {
	tp := textproto.NewReader(rd.r)
	header, err := tp.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(header) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(header.Get("Content-Length")))
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: missing or bad Content-Length", errFraming)
	}
	if n > maxMessage {
		// Skip it, so the next message can still be read.
		if _, err := io.CopyN(io.Discard, rd.r, int64(n)); err != nil {
			return nil, err
		}
		return nil, errTooLarge{n}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, err
	}
	return body, nil
}

type errTooLarge struct{ n int }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("message of %d bytes is larger than the %d MiB journeymap accepts", e.n, maxMessage>>20)
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (wr *writer) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if _, err := fmt.Fprintf(wr.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = wr.w.Write(body)
	return err
}
