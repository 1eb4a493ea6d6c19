// The page's script: src/kwargs/program.py, compiled by Transcrypt, runs as it loads. The page defines the
// global the program reads, ECHO_URL, before this script (e.g. <script>window.ECHO_URL = "ws://…"</script>).
import "./kwargs/program.js";
