;; A content filter that asks a spam-check service: the input is the request JSON (a test sends it as the text to
;; judge), and the service's answer, on a 200, is the verdict; any other status fails the call.
(module
  (import "extism:host/env" "input_offset" (func $input_offset (result i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
  (import "extism:host/env" "http_status_code" (func $http_status_code (result i32)))
  (memory 1 1)
  (func (export "filter_message_content") (result i32)
    (local $verdict i64)
    (local.set $verdict (call $http_request (call $input_offset) (i64.const 0)))
    (if (i32.ne (call $http_status_code) (i32.const 200)) (then (return (i32.const 1))))
    (call $output_set (local.get $verdict) (call $length (local.get $verdict)))
    (i32.const 0)))
