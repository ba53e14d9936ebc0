;; Chicory caps memory 0 only; a second memory would escape the cap (needs --enable-multi-memory).
(module
  (memory $small 1 1)
  (memory $big 1 65536)
  (func (export "run") (result i32) (i32.const 0)))
