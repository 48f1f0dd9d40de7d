-- Streamlit's immutable /static/ files, compressed once with gzip -9 by deploy/haproxy.py
-- (Debian's HAProxy compresses with libslz, about gzip -1: its JavaScript came out 1.5x
-- bigger). Loaded into memory when HAProxy starts; asked only on a miss of the proxy's cache,
-- which then keeps the answer. A path it does not know goes to the replicas as before.

local files = {}

core.register_init(function()
  local dir = os.getenv("DLC_GZIP_DIR")
  local index = io.open(dir .. "/index.tsv", "r")
  for line in index:lines() do
    local path, ctype, name = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if path then
      local handle = io.open(dir .. "/" .. name, "rb")
      files[path] = {type = ctype, body = handle:read("*a")}
      handle:close()
    end
  end
  index:close()
end)

core.register_fetches("dlc_gzip_known", function(txn)
  return files[txn.sf:path()] ~= nil
end)

core.register_service("dlc_gzip_static", "http", function(applet)
  local file = files[applet.path]
  applet:set_status(200)
  applet:add_header("content-type", file.type)
  applet:add_header("content-encoding", "gzip")
  applet:add_header("vary", "Accept-Encoding")
  applet:add_header("cache-control", "public, immutable, max-age=31536000")
  applet:add_header("content-length", tostring(#file.body))
  applet:start_response()
  applet:send(file.body)
end)
