package lsp

// formattingAvailable: textDocument/formatting is served once `cxmap fmt`
// exists; until then the capability is not offered.
const formattingAvailable = false

func (s *Server) formatting(p *documentFormattingParams) (any, *rpcError) {
	return nil, &rpcError{Code: codeMethodNotFound, Message: "cxmap lsp: formatting needs `cxmap fmt`, which this build does not have"}
}
