-- Headless Neovim as a client of cxmap lsp (pkg/lsp TestNeovim): open a
-- journey with a dangling lane, read vim.diagnostic.get(), then ask for
-- completion where the lane goes. Works with Neovim 0.7 and later.
local bin, root, out_path = os.getenv('CXMAP_BIN'), os.getenv('CXMAP_WS'), os.getenv('CXMAP_OUT')
local out = assert(io.open(out_path, 'w'))
vim.cmd('edit ' .. root .. '/dangling.yaml')
local id = vim.lsp.start_client({ name = 'cxmap', cmd = { bin, 'lsp' }, root_dir = root })
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20)
if not ok then out:write('no diagnostics\n') end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  out:write(string.format('diagnostic %d:%d %s %s\n', d.lnum + 1, d.col + 1, code, d.message))
end
-- Completion at the start of the dangling lane id.
local line, col
for i, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  local c = l:find('lane: portl', 1, true)
  if c then line, col = i - 1, c - 1 + #'lane: ' end
end
local client = vim.lsp.get_client_by_id(id)
local resp = client.request_sync('textDocument/completion',
  { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line, character = col } }, 30000, 0)
local items = resp and resp.result and (resp.result.items or resp.result) or {}
for _, it in ipairs(items) do
  local desc = it.labelDetails and it.labelDetails.description or ''
  out:write(string.format('completion %s (%s)\n', it.label, desc))
end
out:close()
client.stop()
vim.cmd('qa!')
