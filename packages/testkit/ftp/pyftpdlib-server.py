# pyftpdlib (Debian's python3-pyftpdlib, unpacked by scripts/install-ftp-servers.sh) as a test
# server: one virtual user whose home is the fixtures, on 127.0.0.1 only. Started by
# src/ftp-servers.ts as the test user (setpriv), so that the file system's own permissions refuse
# what they refuse on the other servers (pyftpdlib has no privilege separation of its own).
#
#   python3 pyftpdlib-server.py PORT HOME USER PASSWORD [NAME=VALUE ...]
#
# NAME=VALUE: `perm=elr` gives the user those permissions (pyftpdlib's letters) instead of all;
# any other name is an FTPServer or FTPHandler attribute set to the integer VALUE
# (`max_cons_per_ip=1`, `timeout=1`: the idle time in seconds after which a session is closed).
import logging
import signal
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import DTPHandler, FTPHandler
from pyftpdlib.servers import FTPServer

port, home, user, password = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
settings = dict(arg.split("=", 1) for arg in sys.argv[5:])
logging.basicConfig(level=logging.INFO, stream=sys.stdout)

authorizer = DummyAuthorizer()
# Every permission by default: the refusals come from the file system, as on the other servers.
authorizer.add_user(user, password, home, perm=settings.pop("perm", "elradfmwMT"))

handler = FTPHandler
for name, value in settings.items():
    owner = FTPServer if hasattr(FTPServer, name) else handler
    if not hasattr(owner, name):
        raise SystemExit("pyftpdlib has no setting " + name)
    setattr(owner, name, int(value))
handler.authorizer = authorizer
# A wrong password is answered at once (pyftpdlib's default waits 3 s against guessing).
handler.auth_failed_timeout = 0.1

server = FTPServer(("127.0.0.1", int(port)), handler)

# SIGUSR1 ends every open session, as an admin kicking users would (the other servers: a signal to
# each session process); the server keeps listening. The signal only sets a flag: the sessions are
# closed from the loop, never while it walks its socket map.
drop_requested = False


def request_drop(_signum, _frame):
    global drop_requested
    drop_requested = True


def drop_sessions():
    global drop_requested
    if not drop_requested:
        return
    drop_requested = False
    for instance in list(server.ioloop.socket_map.values()):
        if isinstance(instance, (FTPHandler, DTPHandler)):
            instance.close()


signal.signal(signal.SIGUSR1, request_drop)
server.ioloop.call_every(0.05, drop_sessions)
# A poll timeout of its own: with none, pyftpdlib 1.5.7 sleeps past a session's idle timer once
# a command has restarted it (the `timeout=1` setting then never closes an idle session).
server.serve_forever(timeout=0.1)
