"""Starts a kernel with Jupyter's own KernelManager and waits until it is ready, starting it again
on fresh ports when it lost the port race (see tests/helpers/nbconvert.ts: jupyter_client chooses
the ports, the kernel binds them a moment later, and a busy machine sometimes hands one to another
process in between; the patched tslab then exits at once). A kernel that died during start-up is
started again, up to ATTEMPTS starts in all (its own stderr, inherited, says why); one that is
alive but silent past the timeout is an error at once.

    sys.path.insert(0, <this folder>); from tslab_client import start
    km, kc = start("tslab")
"""
from jupyter_client.manager import KernelManager

ATTEMPTS = 3


def start(kernel_name, timeout=60, **manager):
    """manager: KernelManager settings (transport="ipc", ip=<socket path prefix>, ...)."""
    km = KernelManager(kernel_name=kernel_name, **manager)
    km.start_kernel()
    for attempt in range(1, ATTEMPTS + 1):
        kc = km.blocking_client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=timeout)
            return km, kc
        except RuntimeError:
            kc.stop_channels()
            if attempt == ATTEMPTS or km.is_alive():
                km.shutdown_kernel(now=True)
                raise
            km.restart_kernel(now=True, newports=True)
