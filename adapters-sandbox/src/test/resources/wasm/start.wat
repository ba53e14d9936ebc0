;; A start section runs while instantiating, outside any call's deadline.
(module
  (memory 1 1)
  (func $forever (loop $l (br $l)))
  (start $forever)
  (func (export "run") (result i32) (i32.const 0)))
