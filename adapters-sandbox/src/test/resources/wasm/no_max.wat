;; A memory without a declared maximum could grow to 4 GiB.
(module
  (memory 1)
  (func (export "run") (result i32) (i32.const 0)))
