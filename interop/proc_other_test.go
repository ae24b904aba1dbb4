//go:build !linux

package interop_test

import "syscall"

func childAttr() *syscall.SysProcAttr { return nil }
