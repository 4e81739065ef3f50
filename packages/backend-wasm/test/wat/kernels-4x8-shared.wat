(module
  (import "env" "memory" (memory 1 16384 shared))
  (func $block (export "block") (param $aPtr i32) (param $bPtr i32) (param $cPtr i32) (param $mPanels i32) (param $jp0 i32) (param $jp1 i32) (param $K i32) (param $kc i32) (param $ldc i32) (param $accumulate i32)
    (local $jp i32)
    (local $ip i32)
    (local $p i32)
    (local $ap i32)
    (local $bp i32)
    (local $aStride i32)
    (local $bStride i32)
    (local $ldcBytes i32)
    (local $bPanel i32)
    (local $row0 i32)
    (local $row1 i32)
    (local $row2 i32)
    (local $row3 i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $a v128)
    local.get $K
    i32.const 16
    i32.mul
    local.set $aStride
    local.get $K
    i32.const 32
    i32.mul
    local.set $bStride
    local.get $ldc
    i32.const 4
    i32.mul
    local.set $ldcBytes
    local.get $jp0
    local.set $jp
    block $done
      local.get $jp
      local.get $jp1
      i32.lt_s
      i32.eqz
      br_if $done
      loop $J
        local.get $bPtr
        local.get $jp
        local.get $bStride
        i32.mul
        i32.add
        local.set $bPanel
        i32.const 0
        local.set $ip
        loop $I
          local.get $aPtr
          local.get $ip
          local.get $aStride
          i32.mul
          i32.add
          local.set $ap
          local.get $bPanel
          local.set $bp
          local.get $cPtr
          local.get $ip
          i32.const 4
          i32.mul
          local.get $ldcBytes
          i32.mul
          i32.add
          local.get $jp
          i32.const 32
          i32.mul
          i32.add
          local.set $row0
          local.get $row0
          local.get $ldcBytes
          i32.add
          local.set $row1
          local.get $row1
          local.get $ldcBytes
          i32.add
          local.set $row2
          local.get $row2
          local.get $ldcBytes
          i32.add
          local.set $row3
          local.get $accumulate
          if
            local.get $row0
            v128.load
            local.set $c0_0
            local.get $row0
            v128.load offset=16
            local.set $c0_1
            local.get $row1
            v128.load
            local.set $c1_0
            local.get $row1
            v128.load offset=16
            local.set $c1_1
            local.get $row2
            v128.load
            local.set $c2_0
            local.get $row2
            v128.load offset=16
            local.set $c2_1
            local.get $row3
            v128.load
            local.set $c3_0
            local.get $row3
            v128.load offset=16
            local.set $c3_1
          else
            v128.const i32x4 0 0 0 0
            local.set $c0_0
            v128.const i32x4 0 0 0 0
            local.set $c0_1
            v128.const i32x4 0 0 0 0
            local.set $c1_0
            v128.const i32x4 0 0 0 0
            local.set $c1_1
            v128.const i32x4 0 0 0 0
            local.set $c2_0
            v128.const i32x4 0 0 0 0
            local.set $c2_1
            v128.const i32x4 0 0 0 0
            local.set $c3_0
            v128.const i32x4 0 0 0 0
            local.set $c3_1
          end
          local.get $kc
          local.set $p
          loop $P
            local.get $bp
            v128.load
            local.set $b0
            local.get $bp
            v128.load offset=16
            local.set $b1
            local.get $ap
            v128.load32_splat
            local.set $a
            local.get $c0_0
            local.get $a
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $c0_0
            local.get $c0_1
            local.get $a
            local.get $b1
            f32x4.mul
            f32x4.add
            local.set $c0_1
            local.get $ap
            v128.load32_splat offset=4
            local.set $a
            local.get $c1_0
            local.get $a
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $c1_0
            local.get $c1_1
            local.get $a
            local.get $b1
            f32x4.mul
            f32x4.add
            local.set $c1_1
            local.get $ap
            v128.load32_splat offset=8
            local.set $a
            local.get $c2_0
            local.get $a
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $c2_0
            local.get $c2_1
            local.get $a
            local.get $b1
            f32x4.mul
            f32x4.add
            local.set $c2_1
            local.get $ap
            v128.load32_splat offset=12
            local.set $a
            local.get $c3_0
            local.get $a
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $c3_0
            local.get $c3_1
            local.get $a
            local.get $b1
            f32x4.mul
            f32x4.add
            local.set $c3_1
            local.get $ap
            i32.const 16
            i32.add
            local.set $ap
            local.get $bp
            i32.const 32
            i32.add
            local.set $bp
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if $P
          end
          local.get $row0
          local.get $c0_0
          v128.store
          local.get $row0
          local.get $c0_1
          v128.store offset=16
          local.get $row1
          local.get $c1_0
          v128.store
          local.get $row1
          local.get $c1_1
          v128.store offset=16
          local.get $row2
          local.get $c2_0
          v128.store
          local.get $row2
          local.get $c2_1
          v128.store offset=16
          local.get $row3
          local.get $c3_0
          v128.store
          local.get $row3
          local.get $c3_1
          v128.store offset=16
          local.get $ip
          i32.const 1
          i32.add
          local.tee $ip
          local.get $mPanels
          i32.lt_s
          br_if $I
        end
        local.get $jp
        i32.const 1
        i32.add
        local.tee $jp
        local.get $jp1
        i32.lt_s
        br_if $J
      end
    end
  )
  (func $conv (export "conv") (param $aPtr i32) (param $bPtr i32) (param $cPtr i32) (param $mPanels i32) (param $jp0 i32) (param $jp1 i32) (param $channels i32) (param $planeBytes i32) (param $offPtr i32) (param $shifts i32) (param $ldc i32) (param $accumulate i32)
    (local $jp i32)
    (local $ip i32)
    (local $s i32)
    (local $c i32)
    (local $ap i32)
    (local $bp i32)
    (local $bCol i32)
    (local $op i32)
    (local $aStride i32)
    (local $ldcBytes i32)
    (local $row0 i32)
    (local $row1 i32)
    (local $row2 i32)
    (local $row3 i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $a v128)
    local.get $shifts
    local.get $channels
    i32.mul
    i32.const 16
    i32.mul
    local.set $aStride
    local.get $ldc
    i32.const 4
    i32.mul
    local.set $ldcBytes
    local.get $jp0
    local.set $jp
    block $done
      local.get $jp
      local.get $jp1
      i32.lt_s
      i32.eqz
      br_if $done
      loop $J
        local.get $bPtr
        local.get $jp
        i32.const 32
        i32.mul
        i32.add
        local.set $bCol
        i32.const 0
        local.set $ip
        loop $I
          local.get $aPtr
          local.get $ip
          local.get $aStride
          i32.mul
          i32.add
          local.set $ap
          local.get $cPtr
          local.get $ip
          i32.const 4
          i32.mul
          local.get $ldcBytes
          i32.mul
          i32.add
          local.get $jp
          i32.const 32
          i32.mul
          i32.add
          local.set $row0
          local.get $row0
          local.get $ldcBytes
          i32.add
          local.set $row1
          local.get $row1
          local.get $ldcBytes
          i32.add
          local.set $row2
          local.get $row2
          local.get $ldcBytes
          i32.add
          local.set $row3
          local.get $accumulate
          if
            local.get $row0
            v128.load
            local.set $c0_0
            local.get $row0
            v128.load offset=16
            local.set $c0_1
            local.get $row1
            v128.load
            local.set $c1_0
            local.get $row1
            v128.load offset=16
            local.set $c1_1
            local.get $row2
            v128.load
            local.set $c2_0
            local.get $row2
            v128.load offset=16
            local.set $c2_1
            local.get $row3
            v128.load
            local.set $c3_0
            local.get $row3
            v128.load offset=16
            local.set $c3_1
          else
            v128.const i32x4 0 0 0 0
            local.set $c0_0
            v128.const i32x4 0 0 0 0
            local.set $c0_1
            v128.const i32x4 0 0 0 0
            local.set $c1_0
            v128.const i32x4 0 0 0 0
            local.set $c1_1
            v128.const i32x4 0 0 0 0
            local.set $c2_0
            v128.const i32x4 0 0 0 0
            local.set $c2_1
            v128.const i32x4 0 0 0 0
            local.set $c3_0
            v128.const i32x4 0 0 0 0
            local.set $c3_1
          end
          i32.const 0
          local.set $s
          local.get $offPtr
          local.set $op
          loop $S
            local.get $bCol
            local.get $op
            i32.load
            i32.add
            local.set $bp
            local.get $channels
            local.set $c
            loop $C
              local.get $bp
              v128.load
              local.set $b0
              local.get $bp
              v128.load offset=16
              local.set $b1
              local.get $ap
              v128.load32_splat
              local.set $a
              local.get $c0_0
              local.get $a
              local.get $b0
              f32x4.mul
              f32x4.add
              local.set $c0_0
              local.get $c0_1
              local.get $a
              local.get $b1
              f32x4.mul
              f32x4.add
              local.set $c0_1
              local.get $ap
              v128.load32_splat offset=4
              local.set $a
              local.get $c1_0
              local.get $a
              local.get $b0
              f32x4.mul
              f32x4.add
              local.set $c1_0
              local.get $c1_1
              local.get $a
              local.get $b1
              f32x4.mul
              f32x4.add
              local.set $c1_1
              local.get $ap
              v128.load32_splat offset=8
              local.set $a
              local.get $c2_0
              local.get $a
              local.get $b0
              f32x4.mul
              f32x4.add
              local.set $c2_0
              local.get $c2_1
              local.get $a
              local.get $b1
              f32x4.mul
              f32x4.add
              local.set $c2_1
              local.get $ap
              v128.load32_splat offset=12
              local.set $a
              local.get $c3_0
              local.get $a
              local.get $b0
              f32x4.mul
              f32x4.add
              local.set $c3_0
              local.get $c3_1
              local.get $a
              local.get $b1
              f32x4.mul
              f32x4.add
              local.set $c3_1
              local.get $ap
              i32.const 16
              i32.add
              local.set $ap
              local.get $bp
              local.get $planeBytes
              i32.add
              local.set $bp
              local.get $c
              i32.const 1
              i32.sub
              local.tee $c
              br_if $C
            end
            local.get $op
            i32.const 4
            i32.add
            local.set $op
            local.get $s
            i32.const 1
            i32.add
            local.tee $s
            local.get $shifts
            i32.lt_s
            br_if $S
          end
          local.get $row0
          local.get $c0_0
          v128.store
          local.get $row0
          local.get $c0_1
          v128.store offset=16
          local.get $row1
          local.get $c1_0
          v128.store
          local.get $row1
          local.get $c1_1
          v128.store offset=16
          local.get $row2
          local.get $c2_0
          v128.store
          local.get $row2
          local.get $c2_1
          v128.store offset=16
          local.get $row3
          local.get $c3_0
          v128.store
          local.get $row3
          local.get $c3_1
          v128.store offset=16
          local.get $ip
          i32.const 1
          i32.add
          local.tee $ip
          local.get $mPanels
          i32.lt_s
          br_if $I
        end
        local.get $jp
        i32.const 1
        i32.add
        local.tee $jp
        local.get $jp1
        i32.lt_s
        br_if $J
      end
    end
  )
)
