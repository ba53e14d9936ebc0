;; An active data segment past the end of memory: instantiation fails, so loading does.
(module
  (memory 1 1)
  (data (i32.const 70000) "x")
  (func (export "run") (result i32) (i32.const 0)))
