// The Universal Sentence Encoder lite ("KonaTransformer") restated as an ONNX graph, for
// one text at a time, from the weights of the TensorFlow.js graph that the model package
// ships. What that graph computes for one text of T pieces (T ≤ 128):
//   x  = 2·E[piece] + timing(position)            T×256 (the graph adds the embedding twice)
//   h1 = attention₀(LN(x)) + x·D + d               4 heads of 64; D widens 256 → 512
//   h2 = h1 + FFN₀(LN(h1))                         512 → 1536 → 512, ReLU
//   h3 = h2 + attention₁(LN(h2))                   4 heads of 128
//   h4 = h3 + FFN₁(LN(h3))
//   v  = tanh(mean over pieces of h4 · H + h)      512, then unit length (encoder.ts)
// Layer norms have ε = 1e-6. The embedding and timing signal are computed in JS
// (`pieceInput`); the rest runs in ONNX Runtime. use-lite.test.ts compares its vectors
// with the TensorFlow.js graph's on the same texts. Pure: no I/O.
import { OnnxGraph } from "./onnx-graph";
import type { Tensor, UseLiteFiles } from "./use-lite-weights";

/** The model reads at most this many pieces; later ones are dropped, as by the original. */
export const MAX_PIECES = 128;
const WIDTH = 256;
const HEADS = 4;
const OPSET = 18;

const floats = (t: Tensor) => (t.data instanceof Float32Array ? t.data : Float32Array.from(t.data));

export type UseLiteGraph = { model: Uint8Array; input: string; output: string };
/** The graph's input for a text's piece ids: embedding and timing signal, T×256. */
export type PieceInput = (ids: readonly number[]) => { data: Float32Array; dims: [number, number] };

/** The model's bytes for ONNX Runtime (about 20 MB: drop them once a session holds them). */
export function useLiteGraph(files: UseLiteFiles): UseLiteGraph {
  const g = new OnnxGraph();
  const weight = (suffix: string, shape?: number[]) => {
    const t = files.tensor(suffix);
    return g.floats(suffix, shape ?? t.shape, floats(t));
  };
  const dense = (x: string, kernel: string, bias: string, shape?: number[]) => g.op("Add", [g.op("MatMul", [x, weight(kernel, shape)]), weight(bias)]);
  const layerNorm = (x: string, scope: string) =>
    g.op("LayerNormalization", [x, weight(`${scope}/layer_norm/layer_norm_scale/ConcatPartitions/concat`), weight(`${scope}/layer_norm/layer_norm_bias/ConcatPartitions/concat`)], {
      axis: { int: -1 },
      epsilon: { float: 1e-6 },
    });

  function attention(x: string, layer: number, width: number): string {
    const scope = `Encode/Layer_${layer}/TransformerLayer/MultiheadAttention`;
    const qkv = dense(x, `${scope}/qkv_transform_single/kernel/part_0`, `${scope}/qkv_transform_single/bias/ConcatPartitions/concat`, [width, 3 * width]);
    const heads = g.int64s([-1, HEADS, width / HEADS]);
    const [q, k, v] = [0, 1, 2].map((i) => g.op("Reshape", [g.op("Slice", [qkv, g.int64s([i * width]), g.int64s([(i + 1) * width]), g.int64s([1])]), heads]));
    const scale = g.floats(`scale${layer}`, [], floats(files.tensor(`Layer_${layer}/TransformerLayer/MultiheadAttention/mul/y`)));
    const query = g.op("Mul", [g.op("Transpose", [q!], { perm: { ints: [1, 0, 2] } }), scale]);
    const keys = g.op("Transpose", [k!], { perm: { ints: [1, 2, 0] } });
    const weights = g.op("Softmax", [g.op("MatMul", [query, keys])], { axis: { int: -1 } });
    const mixed = g.op("MatMul", [weights, g.op("Transpose", [v!], { perm: { ints: [1, 0, 2] } })]);
    const joined = g.op("Reshape", [g.op("Transpose", [mixed], { perm: { ints: [1, 0, 2] } }), g.int64s([-1, width])]);
    return dense(joined, `${scope}/output_transform_single/kernel/part_0`, `${scope}/output_transform_single/bias/ConcatPartitions/concat`, [width, 512]);
  }

  function feedForward(h: string, layer: number): string {
    const [stack, own] = [`TransformerStack/Layer_${layer}/TransformerLayer/FFN`, `Encode/Layer_${layer}/TransformerLayer/FFN`];
    const inner = g.op("Relu", [dense(layerNorm(h, `${own}/layer_prepostprocess`), `${stack}/conv1/Tensordot/Reshape_1`, `${own}/conv1/bias/ConcatPartitions/concat`)]);
    return g.op("Add", [h, dense(inner, `${stack}/conv2/Tensordot/Reshape_1`, `${own}/conv2/bias/ConcatPartitions/concat`)]);
  }

  const input = "pieces";
  const first = "Encode/Layer_0/TransformerLayer";
  const widened = dense(input, `${first}/dense/kernel/ConcatPartitions/concat`, `${first}/dense/bias/ConcatPartitions/concat`);
  const h1 = g.op("Add", [attention(layerNorm(input, `${first}/layer_prepostprocess`), 0, WIDTH), widened]);
  const h2 = feedForward(h1, 0);
  const h3 = g.op("Add", [h2, attention(layerNorm(h2, "Encode/Layer_1/TransformerLayer/layer_prepostprocess"), 1, 2 * WIDTH)]);
  const h4 = feedForward(h3, 1);
  const pooled = g.op("ReduceMean", [h4, g.int64s([0])], { keepdims: { int: 1 } });
  const output = g.op("Tanh", [dense(pooled, "hidden_layers/tanh_layer_0/weights", "hidden_layers/tanh_layer_0/bias")]);
  const model = g.encode(OPSET, { name: input, shape: ["pieces", WIDTH] }, { name: output, shape: [1, 512] });
  return { model, input, output };
}

/** The graph's input from piece ids; holds only the embedding table (8 MB), not all weights. */
export function pieceInput(files: UseLiteFiles): PieceInput {
  const embeddings = floats(files.tensor("module/Embeddings_en"));
  const timescales = floats(files.tensor("AddTimingSignal/TimingSignal/ExpandDims_1"));
  const half = timescales.length;
  return (ids) => {
    const x = new Float32Array(ids.length * WIDTH);
    ids.forEach((id, t) => {
      for (let j = 0; j < WIDTH; j++) x[t * WIDTH + j] = 2 * embeddings[id * WIDTH + j]!;
      for (let j = 0; j < half; j++) {
        const angle = Math.fround(t * timescales[j]!);
        x[t * WIDTH + j]! += Math.sin(angle);
        x[t * WIDTH + half + j]! += Math.cos(angle);
      }
    });
    return { data: x, dims: [ids.length, WIDTH] };
  };
}
