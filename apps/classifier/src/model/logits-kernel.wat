;; The linear models' hot loop: per class, the sum of the int8 weights of an article's hashed
;; features. In JavaScript it was one bounds-checked load per feature and class (a language
;; model has 22 classes, an article ~2,500 features); here one 16-byte load serves 16 classes.
;; Built into ../../models/logits-kernel.wasm by apps/classifier/training/build-logits-kernel.ts.
(module
  (memory (export "memory") 1)
  ;; out[c] (i32) = sum over i < count of weights[(features[i] & mask) * classes + c], for c below
  ;; `classes` rounded up to 16 (lanes past `classes` hold the next rows' bytes: ignore them).
  ;; Rows are read 16 bytes at a time, so 16 bytes past the last row must be readable.
  (func (export "sums")
    (param $weights i32) (param $mask i32) (param $classes i32)
    (param $features i32) (param $count i32) (param $out i32)
    (local $chunk i32) (local $i i32) (local $blockEnd i32) (local $base i32) (local $at i32)
    (local $row v128) (local $low v128) (local $high v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (block $chunksDone
      (loop $chunks
        (br_if $chunksDone (i32.ge_u (local.get $chunk) (local.get $classes)))
        (local.set $base (i32.add (local.get $weights) (local.get $chunk)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $i (i32.const 0))
        (block $featuresDone
          (loop $blocks
            (br_if $featuresDone (i32.ge_u (local.get $i) (local.get $count)))
            ;; 16-bit sums hold 256 weights of -128..127 exactly; then they move to 32 bits.
            (local.set $blockEnd (i32.add (local.get $i) (i32.const 256)))
            (if (i32.gt_u (local.get $blockEnd) (local.get $count))
              (then (local.set $blockEnd (local.get $count))))
            (local.set $low (v128.const i32x4 0 0 0 0))
            (local.set $high (v128.const i32x4 0 0 0 0))
            (loop $rows
              (local.set $row
                (v128.load
                  (i32.add (local.get $base)
                    (i32.mul
                      (i32.and
                        (i32.load
                          (i32.add (local.get $features) (i32.shl (local.get $i) (i32.const 2))))
                        (local.get $mask))
                      (local.get $classes)))))
              (local.set $low
                (i16x8.add (local.get $low) (i16x8.extend_low_i8x16_s (local.get $row))))
              (local.set $high
                (i16x8.add (local.get $high) (i16x8.extend_high_i8x16_s (local.get $row))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $rows (i32.lt_u (local.get $i) (local.get $blockEnd))))
            (local.set $a0 (i32x4.add (local.get $a0) (i32x4.extend_low_i16x8_s (local.get $low))))
            (local.set $a1 (i32x4.add (local.get $a1) (i32x4.extend_high_i16x8_s (local.get $low))))
            (local.set $a2 (i32x4.add (local.get $a2) (i32x4.extend_low_i16x8_s (local.get $high))))
            (local.set $a3 (i32x4.add (local.get $a3) (i32x4.extend_high_i16x8_s (local.get $high))))
            (br $blocks)))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $chunk) (i32.const 2))))
        (v128.store offset=0 (local.get $at) (local.get $a0))
        (v128.store offset=16 (local.get $at) (local.get $a1))
        (v128.store offset=32 (local.get $at) (local.get $a2))
        (v128.store offset=48 (local.get $at) (local.get $a3))
        (local.set $chunk (i32.add (local.get $chunk) (i32.const 16)))
        (br $chunks)))))
