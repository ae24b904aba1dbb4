package interop_test

import "syscall"

// childAttr makes the kernel kill a privacyd child if the test process dies
// first (a test timeout), so no daemon outlives the test run.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
