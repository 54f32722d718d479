"""The office hub in the window: 工具 → 中心服务器… (settings), 文件 → 同步 (Ctrl+Shift+S), and
the status bar's word on the last sync and what waits to go. The work is inspection.hub's."""
