;; Tables are arrays on the host heap: one with no maximum, one with a huge maximum.
(module
  (table $open 1 funcref)
  (table $huge 1 1000000 funcref)
  (func (export "run") (result i32) (i32.const 0)))
