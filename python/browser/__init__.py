# browser for Transcrypt: the JavaScript of __init__.js beside this file, as a module Transcrypt compiles (as
# websocket.py does for websocket.js). Shipped by babel-plugin-python-websocket. A .js module alone would do, but
# Transcrypt copies one with a comment that names browser.map, a map it never writes; Babel 8 then prints a stack for
# it on every build with source maps. From this file Transcrypt (with -m) writes that map.
__pragma__ ('js', '{}', __include__ ('browser/__init__.js'))
