-- End-to-end check of `journeymap lsp` with Neovim's built-in LSP client,
-- run headless by lsp.sh. Writes one line per check to $JM_OUT.
local bin, file, out = os.getenv("JM_BIN"), os.getenv("JM_FILE"), os.getenv("JM_OUT")
local lines = {}
local function check(ok, what) table.insert(lines, (ok and "ok   " or "FAIL ") .. what) end
local function finish()
  local f = io.open(out, "w")
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "journeymap",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  check(client_id ~= nil, "the language server starts")
  vim.lsp.buf_attach_client(buf, client_id)

  local function codes()
    local set = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do set[tostring(d.code or d.user_data and d.user_data.lsp and d.user_data.lsp.code)] = true end
    return set
  end
  local function find(pattern)
    for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local s = l:find(pattern, 1, true)
      if s then return i - 1, s - 1, l end
    end
  end

  -- An undocumented handoff is reported on open.
  vim.wait(15000, function() return codes()["undocumented-handoff"] end, 50)
  check(codes()["undocumented-handoff"], "diagnostics show the undocumented handoff")

  -- Completion after "channel: " offers the workspace's channels.
  local row, col = find("channel: phone")
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = row, character = col + #"channel: " } }
  local resp = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 10000)
  local labels = {}
  for _, r in pairs(resp or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do labels[it.label] = true end
  end
  check(labels["web"] and labels["phone"], "completion offers the workspace channels web and phone")

  -- Go to definition of the channel jumps into journeymap.yaml.
  params.position.character = col + #"channel: p"
  resp = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 10000)
  local target
  for _, r in pairs(resp or {}) do
    local loc = r.result and (r.result[1] or r.result)
    if loc and loc.uri then target = loc end
  end
  check(target ~= nil and target.uri:match("journeymap%.yaml$") ~= nil and target.range.start.line == 8,
    "go to definition of phone jumps to journeymap.yaml line 9")

  -- Hover on a key explains it.
  row, col = find("moment_of_truth")
  resp = vim.lsp.buf_request_sync(buf, "textDocument/hover", { textDocument = params.textDocument, position = { line = row, character = col + 1 } }, 10000)
  local hover = ""
  for _, r in pairs(resp or {}) do if r.result then hover = r.result.contents.value end end
  check(hover:find("moment_of_truth", 1, true) ~= nil, "hover explains moment_of_truth")

  -- Symbols list the stage and its touchpoints.
  resp = vim.lsp.buf_request_sync(buf, "textDocument/documentSymbol", { textDocument = params.textDocument }, 10000)
  local nsym = 0
  for _, r in pairs(resp or {}) do for _, s in ipairs(r.result or {}) do nsym = nsym + 1 + #(s.children or {}) end end
  check(nsym == 3, "document symbols: one stage and two touchpoints (" .. nsym .. ")")

  -- Typing a typo (incremental sync) is reported as an unknown key.
  row = find("emotion: 0")
  vim.api.nvim_buf_set_lines(buf, row + 1, row + 1, false, { "        tittle: typo" })
  vim.wait(15000, function() return codes()["unknown-key"] end, 50)
  check(codes()["unknown-key"], "typing a misspelt key shows an unknown-key diagnostic")

  -- Undo it: the diagnostic goes.
  vim.api.nvim_buf_set_lines(buf, row + 1, row + 2, false, {})
  vim.wait(15000, function() return not codes()["unknown-key"] end, 50)
  check(not codes()["unknown-key"], "removing it clears the diagnostic")

  -- Formatting through fmt.
  vim.api.nvim_buf_set_lines(buf, 2, 3, false, { "title:     Pay a bill" })
  vim.lsp.buf.formatting_sync(nil, 10000)
  check(vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1] == "title: Pay a bill", "formatting tidies the buffer")
end)
if not ok then check(false, "the script ran: " .. tostring(err)) end
finish()
