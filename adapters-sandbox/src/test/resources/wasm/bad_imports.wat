;; Every kind of import the host refuses, at once.
(module
  (import "extism:host/env" "launch_missiles" (func (param i64)))
  (import "extism:host/env" "alloc" (func (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 1 1))
  (import "env" "counter" (global (mut i32)))
  (func (export "run") (param i32) (result i32) (local.get 0)))
