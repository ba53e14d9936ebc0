;; A plugin written against the Extism ABI by hand: a friendly export (greet) and one export per hostile behaviour.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "free" (func $free (param i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "load_u64" (func $load_u64 (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (import "extism:host/env" "config_get" (func $config_get (param i64) (result i64)))
  (import "extism:host/env" "var_get" (func $var_get (param i64) (result i64)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (import "extism:host/env" "log_info" (func $log_info (param i64)))
  (import "extism:host/env" "log_debug" (func $log_debug (param i64)))
  (import "extism:host/env" "log_warn" (func $log_warn (param i64)))
  (import "extism:host/env" "get_log_level" (func $get_log_level (result i32)))

  (memory (export "memory") 1 16)
  (table $table 1 100 funcref)
  (data (i32.const 0) "Hello, ")
  (data (i32.const 16) "boom")
  (data (i32.const 32) "greeting")
  (data (i32.const 48) "flood")
  (data (i32.const 64) "n")

  ;; copies n bytes of linear memory at from into a new kernel block
  (func $block_from_memory (param $from i32) (param $n i32) (result i64)
    (local $block i64) (local $i i32)
    (local.set $block (call $alloc (i64.extend_i32_u (local.get $n))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i)))
                      (i32.load8_u (i32.add (local.get $from) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $block))

  ;; sets the output to one little-endian u64
  (func $output_u64 (param $value i64)
    (local $block i64)
    (local.set $block (call $alloc (i64.const 8)))
    (call $store_u64 (local.get $block) (local.get $value))
    (call $output_set (local.get $block) (i64.const 8)))

  ;; "Hello, <input>!"
  (func (export "greet") (result i32)
    (local $n i64) (local $out i64) (local $i i64) (local $prefix i64)
    (local.set $n (call $input_length))
    (local.set $out (call $alloc (i64.add (local.get $n) (i64.const 8))))
    (local.set $prefix (call $block_from_memory (i32.const 0) (i32.const 8)))  ;; load_u64 reads 8 bytes
    (loop $copy
      (call $store_u8 (i64.add (local.get $out) (local.get $i))
                      (i32.wrap_i64 (i64.and (i64.shr_u (call $load_u64 (local.get $prefix)) (i64.mul (local.get $i) (i64.const 8)))
                                             (i64.const 0xff))))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $copy (i64.lt_u (local.get $i) (i64.const 7))))
    (call $free (local.get $prefix))
    (call $free (local.get $prefix))  ;; a double free is ignored
    (local.set $i (i64.const 0))
    (block $done (loop $next
      (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
      (call $store_u8 (i64.add (local.get $out) (i64.add (i64.const 7) (local.get $i)))
                      (call $input_load_u8 (local.get $i)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $next)))
    (call $store_u8 (i64.add (local.get $out) (i64.add (i64.const 7) (local.get $n))) (i32.const 33))
    (call $output_set (local.get $out) (i64.add (local.get $n) (i64.const 8)))
    (i32.const 0))

  (func (export "fail") (result i32)
    (call $error_set (call $block_from_memory (i32.const 16) (i32.const 4)))
    (i32.const 1))

  (func (export "error_and_zero") (result i32)
    (call $error_set (call $block_from_memory (i32.const 16) (i32.const 4)))
    (i32.const 0))

  (func (export "exit_code") (result i32)
    (i32.const 3))

  (func (export "nothing"))

  (func (export "config") (result i32)
    (local $value i64)
    (local.set $value (call $config_get (call $block_from_memory (i32.const 32) (i32.const 8))))
    (if (i64.eqz (local.get $value)) (then (return (i32.const 2))))
    (call $output_set (local.get $value) (call $length (local.get $value)))
    (i32.const 0))

  ;; counts its calls in the var "n"
  (func (export "counter") (result i32)
    (local $key i64) (local $old i64) (local $n i64) (local $new i64)
    (local.set $key (call $block_from_memory (i32.const 64) (i32.const 1)))
    (local.set $old (call $var_get (local.get $key)))
    (if (i64.ne (local.get $old) (i64.const 0))
      (then (local.set $n (call $load_u64 (local.get $old)))))
    (local.set $n (i64.add (local.get $n) (i64.const 1)))
    (call $output_u64 (local.get $n))
    (local.set $new (call $alloc (i64.const 8)))
    (call $store_u64 (local.get $new) (local.get $n))
    (call $var_set (local.get $key) (local.get $new))
    (i32.const 0))

  (func (export "big_var") (result i32)
    (call $var_set (call $block_from_memory (i32.const 64) (i32.const 1)) (call $alloc (i64.const 100000)))
    (i32.const 0))

  (func (export "loop_br") (result i32)
    (loop $forever (br $forever))
    (i32.const 0))

  (func (export "loop_br_if") (result i32)
    (local $go i32)
    (local.set $go (i32.const 1))
    (loop $forever (br_if $forever (local.get $go)))
    (i32.const 0))

  (func $down (param $depth i64) (result i64)
    (i64.add (call $down (i64.add (local.get $depth) (i64.const 1))) (i64.const 1)))

  (func (export "recurse") (result i32)
    (drop (call $down (i64.const 0)))
    (i32.const 0))

  ;; grows linear memory until refused, then reports the size in pages
  (func (export "grow_until_refused") (result i32)
    (block $refused (loop $more
      (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
      (br $more)))
    (call $output_u64 (i64.extend_i32_u (memory.size)))
    (i32.const 0))

  ;; allocates 64 KiB kernel blocks until alloc returns 0, then reports how many it got
  (func (export "alloc_until_refused") (result i32)
    (local $count i64)
    (block $refused (loop $more
      (br_if $refused (i64.eqz (call $alloc (i64.const 65536))))
      (local.set $count (i64.add (local.get $count) (i64.const 1)))
      (br $more)))
    (call $free (i64.const 0))
    (call $output_u64 (local.get $count))
    (i32.const 0))

  (func (export "table_grow") (result i32)
    (call $output_u64 (i64.extend_i32_s (table.grow $table (ref.null func) (i32.const 1000000))))
    (i32.const 0))

  (func (export "bad_load") (result i32)
    (drop (call $load_u64 (i64.const 0xdeadbeef)))
    (i32.const 0))

  (func (export "bad_store") (result i32)
    (call $store_u64 (call $alloc (i64.const 4)) (i64.const 1))
    (i32.const 0))

  (func (export "bad_output") (result i32)
    (call $output_set (i64.const 0x12345) (i64.const 4))
    (i32.const 0))

  (func (export "stale_handle") (result i32)
    (local $block i64)
    (local.set $block (call $alloc (i64.const 8)))
    (call $free (local.get $block))
    (drop (call $load_u64 (local.get $block)))
    (i32.const 0))

  (func (export "log_flood") (result i32)
    (local $message i64) (local $i i32)
    (local.set $message (call $block_from_memory (i32.const 48) (i32.const 5)))
    (loop $more
      (call $log_info (local.get $message))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $more (i32.lt_u (local.get $i) (i32.const 10000))))
    (call $output_u64 (i64.const 1))
    (i32.const 0))

  ;; logs once below and once above INFO, and reports the level the host collects
  (func (export "log_levels") (result i32)
    (local $message i64)
    (local.set $message (call $block_from_memory (i32.const 48) (i32.const 5)))
    (call $log_debug (local.get $message))
    (call $log_warn (local.get $message))
    (call $output_u64 (i64.extend_i32_u (call $get_log_level)))
    (i32.const 0))

  (func (export "huge_output") (result i32)
    (call $output_set (call $alloc (i64.const 2097152)) (i64.const 2097152))
    (i32.const 0))

  (func (export "unreachable") (result i32)
    unreachable)
)
