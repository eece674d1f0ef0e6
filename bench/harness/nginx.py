"""nginx (Debian's package) as the load balancer of `make scale`, with its own config and files.

It runs in the foreground as a child of ours (`daemon off`), with its pid file, logs and temporary
folders in the work folder: the system's nginx service is never touched.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from harness.common import HOST, Req, free_port, http_fetch
from harness.loadgen import apt_install

CONFIG = """\
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{upstreams}
{servers}
}}
"""

UPSTREAM = "    upstream {name} {{\n{members}\n        keepalive 16;\n    }}"
SERVER = """    server {{
        listen {host}:{port};
        location / {{
            proxy_pass http://{upstream};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            add_header X-Upstream $upstream_addr always;
        }}
    }}"""


def nginx_binary() -> str:
    """nginx's path, installing Debian's package when it is missing and we are root."""
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
    if not found:
        apt_install("nginx")
        found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise SystemExit("nginx is not installed: apt-get install nginx (make scale installs it when run as root)")
    return found


class Nginx:
    """nginx on free loopback ports, one per named upstream: {name: [backend ports]}, round-robin."""

    def __init__(self, upstreams: dict[str, list[int]], workdir: Path):
        self.workdir = workdir / "nginx"
        self.workdir.mkdir(exist_ok=True)
        self.ports = {name: free_port() for name in upstreams}
        blocks = [UPSTREAM.format(name=n, members="\n".join(f"        server {HOST}:{p};" for p in ports)) for n, ports in upstreams.items()]
        servers = [SERVER.format(host=HOST, port=self.ports[n], upstream=n) for n in upstreams]
        user = "user root;" if os.geteuid() == 0 else ""  # its workers read our temporary folder
        self.config = self.workdir / "nginx.conf"
        self.config.write_text(CONFIG.format(work=self.workdir, user=user, upstreams="\n".join(blocks), servers="\n".join(servers)))
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Nginx:
        args = [nginx_binary(), "-c", str(self.config), "-p", str(self.workdir), "-e", str(self.workdir / "nginx-error.log"), "-g", "daemon off;"]
        log = open(self.workdir / "nginx-stderr.log", "wb")  # noqa: SIM115 (closed with the process)
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.proc.returncode}:\n{(self.workdir / 'nginx-stderr.log').read_text()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                for port in self.ports.values():
                    http_fetch(port, Req("GET", "/"), timeout=5)
                return self
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("nginx did not answer within 15 s")

    def __exit__(self, *exc) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
