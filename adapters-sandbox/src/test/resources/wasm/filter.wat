;; The smallest content filter: accepts everything (no output), for the scanner's tests. Imports one var_set, so that
;; the scan can show a permission the manifest must grant.
(module
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (memory (export "memory") 1 4)
  (func (export "filter_message_content") (result i32) (i32.const 0)))
