;; 60,000 pages (about 3.7 GiB) asked for before any code runs.
(module
  (memory 60000 60000)
  (func (export "run") (result i32) (i32.const 0)))
