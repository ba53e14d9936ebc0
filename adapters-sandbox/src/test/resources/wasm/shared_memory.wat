;; Shared memory belongs to threads, which are not offered (needs --enable-threads).
(module
  (memory 1 1 shared)
  (func (export "run") (result i32) (i32.const 0)))
