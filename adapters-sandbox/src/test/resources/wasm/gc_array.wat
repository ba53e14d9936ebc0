;; A GC array type (i32 elements: wabt 1.0.32 has no packed i8 yet): array.new could allocate host heap without bound (needs --enable-gc).
(module
  (type $words (array (mut i32)))
  (func (export "run") (result i32) (i32.const 0)))
