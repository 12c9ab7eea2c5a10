;; The leak check's hot loop: an Aho–Corasick automaton's dense rows walked byte by byte.
;; Source of truth for leak-scan-wasm.ts (generated: `npm run build:leak-scan`;
;; a unit test recompiles this file and fails if the generated module differs).
;;
;; The automaton is built in TypeScript (leak-check.ts) and copied into this module's memory. The
;; loop here handles only the common case: a byte whose next state is a dense state where no value
;; ends. Any other next state is stored negative (`~state`) in its cell; the loop stops there and
;; hands over to TypeScript, which reports values and walks sparse states, then calls in again.
;;
;; Memory (imported, sized by TypeScript to what one automaton needs, at most MAX_PAGES):
;;   [OUT, OUT + 32)            results of the last call (i32 each, see below)
;;   [CLASS, CLASS + 256)       byte → class (u8)
;;   [INPUT, INPUT + BLOCK)     the bytes being scanned (a block of the chunk, copied in)
;;   [DENSE, …)                 dense cells (i32): a byte address `DENSE + state * classes * 4`
;;                              (the row of a dense state where nothing ends) or `~state` (< 0)
;; A cell holds a row's address, not a state number, so each byte costs one load of its class, one
;; add and one load of the cell; newlines are counted in the same pass (the hits give lines).
(module
  (import "m" "memory" (memory 1 64))

  (global (export "OUT") i32 (i32.const 0))
  (global (export "CLASS") i32 (i32.const 256))
  (global (export "INPUT") i32 (i32.const 1024))
  (global (export "BLOCK") i32 (i32.const 65536))
  (global (export "DENSE") i32 (i32.const 66560))
  (global (export "MAX_PAGES") i32 (i32.const 64))

  ;; One lane over input[i, end) from the row at address `at`, `nl` newlines so far.
  ;; Returns the index it stopped at: `end` (OUT[0] = the row address reached), or the index of
  ;; the byte whose cell is negative (OUT[0] = that cell). OUT[1] = newlines, counting that byte.
  (func (export "run1") (param $at i32) (param $i i32) (param $end i32) (param $nl i32) (result i32)
    (local $b i32)
    (local $next i32)
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $b (i32.load8_u offset=1024 (local.get $i)))
        (local.set $nl (i32.add (local.get $nl) (i32.eq (local.get $b) (i32.const 10))))
        (local.set $next
          (i32.load (i32.add (local.get $at) (i32.shl (i32.load8_u offset=256 (local.get $b)) (i32.const 2)))))
        (if (i32.lt_s (local.get $next) (i32.const 0))
          (then
            (i32.store offset=0 (i32.const 0) (local.get $next))
            (i32.store offset=4 (i32.const 0) (local.get $nl))
            (return (local.get $i))))
        (local.set $at (local.get $next))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $step)))
    (i32.store offset=0 (i32.const 0) (local.get $at))
    (i32.store offset=4 (i32.const 0) (local.get $nl))
    (local.get $end))

  ;; Two independent lanes in one loop (each byte's load waits on the previous one's result; two
  ;; chains let the CPU overlap their latency). Runs while both lanes have bytes left and both
  ;; next cells are rows. On return, per lane (OUT[0..2] lane 1, OUT[3..5] lane 2): the cell
  ;; (a row address, or negative: the lane stopped at that byte), the index, the newlines
  ;; (counting that byte). A lane whose cell was a row when the other's was negative has moved on.
  (func (export "run2")
    (param $at1 i32) (param $i1 i32) (param $end1 i32) (param $nl1 i32)
    (param $at2 i32) (param $i2 i32) (param $end2 i32) (param $nl2 i32)
    (local $b1 i32)
    (local $b2 i32)
    (local $next1 i32)
    (local $next2 i32)
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i1) (local.get $end1)))
        (br_if $done (i32.ge_u (local.get $i2) (local.get $end2)))
        (local.set $b1 (i32.load8_u offset=1024 (local.get $i1)))
        (local.set $b2 (i32.load8_u offset=1024 (local.get $i2)))
        (local.set $nl1 (i32.add (local.get $nl1) (i32.eq (local.get $b1) (i32.const 10))))
        (local.set $nl2 (i32.add (local.get $nl2) (i32.eq (local.get $b2) (i32.const 10))))
        (local.set $next1
          (i32.load (i32.add (local.get $at1) (i32.shl (i32.load8_u offset=256 (local.get $b1)) (i32.const 2)))))
        (local.set $next2
          (i32.load (i32.add (local.get $at2) (i32.shl (i32.load8_u offset=256 (local.get $b2)) (i32.const 2)))))
        (if (i32.lt_s (i32.or (local.get $next1) (local.get $next2)) (i32.const 0))
          (then
            ;; A lane with a row moves on; a lane with a negative cell stays on its byte.
            (if (i32.ge_s (local.get $next1) (i32.const 0))
              (then (local.set $at1 (local.get $next1)) (local.set $i1 (i32.add (local.get $i1) (i32.const 1))))
              (else (local.set $at1 (local.get $next1))))
            (if (i32.ge_s (local.get $next2) (i32.const 0))
              (then (local.set $at2 (local.get $next2)) (local.set $i2 (i32.add (local.get $i2) (i32.const 1))))
              (else (local.set $at2 (local.get $next2))))
            (br $done)))
        (local.set $at1 (local.get $next1))
        (local.set $at2 (local.get $next2))
        (local.set $i1 (i32.add (local.get $i1) (i32.const 1)))
        (local.set $i2 (i32.add (local.get $i2) (i32.const 1)))
        (br $step)))
    (i32.store offset=0 (i32.const 0) (local.get $at1))
    (i32.store offset=4 (i32.const 0) (local.get $i1))
    (i32.store offset=8 (i32.const 0) (local.get $nl1))
    (i32.store offset=12 (i32.const 0) (local.get $at2))
    (i32.store offset=16 (i32.const 0) (local.get $i2))
    (i32.store offset=20 (i32.const 0) (local.get $nl2)))
)
