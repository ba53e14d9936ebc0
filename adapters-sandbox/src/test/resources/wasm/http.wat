;; Asks for outbound HTTP; a host that offers none (HostCalls.none) refuses it at call time.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
  (memory 1 1)
  (func (export "fetch") (result i32)
    (drop (call $http_request (call $alloc (i64.const 2)) (i64.const 0)))
    (i32.const 0)))
