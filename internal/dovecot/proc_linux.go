package dovecot

import (
	"os/exec"
	"syscall"
)

// sysProcAttr puts Dovecot in its own process group (so a stuck server can
// be killed with all its children) and has the kernel kill the master if
// the test process dies first.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}

// killGroup kills the process group of the Dovecot master started by cmd.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
