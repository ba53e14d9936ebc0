;; session-keeper: var_set(<the hook's name>, <the call's input>), for on_session_start and on_session_end.
(module
  (import "extism:host/env" "input_offset" (func $input_offset (result i64)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (memory 1 1)
  (data (i32.const 0) "on_session_start")
  (data (i32.const 16) "on_session_end")
  ;; bytes [at, at + length) of this module's memory, copied into a kernel block
  (func $block (param $at i32) (param $length i32) (result i64)
    (local $handle i64) (local $i i32)
    (local.set $handle (call $alloc (i64.extend_i32_u (local.get $length))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        (call $store_u8 (i64.add (local.get $handle) (i64.extend_i32_u (local.get $i)))
                        (i32.load8_u (i32.add (local.get $at) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $handle))
  (func (export "on_session_start") (result i32)
    (call $var_set (call $block (i32.const 0) (i32.const 16)) (call $input_offset))
    (i32.const 0))
  (func (export "on_session_end") (result i32)
    (call $var_set (call $block (i32.const 16) (i32.const 14)) (call $input_offset))
    (i32.const 0)))
