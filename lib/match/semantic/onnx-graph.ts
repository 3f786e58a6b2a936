// A small writer of ONNX models (the protobuf format ONNX Runtime loads), enough to state
// a feed-forward graph of standard operators over float tensors: constants, nodes with
// integer, integer-list and float attributes, one input and one output. The messages are
// the subset of onnx.proto (field numbers as there) that such a graph needs; protobufjs
// writes them. Pure: no I/O.
import protobuf from "protobufjs";

const repeated = (type: string, id: number) => ({ rule: "repeated", type, id });
const ONNX = protobuf.Root.fromJSON({
  nested: {
    ModelProto: { fields: { irVersion: { type: "int64", id: 1 }, producerName: { type: "string", id: 2 }, graph: { type: "GraphProto", id: 7 }, opsetImport: repeated("OperatorSetIdProto", 8) } },
    OperatorSetIdProto: { fields: { domain: { type: "string", id: 1 }, version: { type: "int64", id: 2 } } },
    GraphProto: { fields: { node: repeated("NodeProto", 1), name: { type: "string", id: 2 }, initializer: repeated("TensorProto", 5), input: repeated("ValueInfoProto", 11), output: repeated("ValueInfoProto", 12) } },
    NodeProto: { fields: { input: repeated("string", 1), output: repeated("string", 2), name: { type: "string", id: 3 }, opType: { type: "string", id: 4 }, attribute: repeated("AttributeProto", 5) } },
    AttributeProto: { fields: { name: { type: "string", id: 1 }, f: { type: "float", id: 2 }, i: { type: "int64", id: 3 }, ints: repeated("int64", 8), type: { type: "int32", id: 20 } } },
    TensorProto: { fields: { dims: repeated("int64", 1), dataType: { type: "int32", id: 2 }, name: { type: "string", id: 8 }, rawData: { type: "bytes", id: 9 } } },
    ValueInfoProto: { fields: { name: { type: "string", id: 1 }, type: { type: "TypeProto", id: 2 } } },
    TypeProto: { fields: { tensorType: { type: "TensorTypeProto", id: 1 } } },
    TensorTypeProto: { fields: { elemType: { type: "int32", id: 1 }, shape: { type: "TensorShapeProto", id: 2 } } },
    TensorShapeProto: { fields: { dim: repeated("Dimension", 1) } },
    Dimension: { fields: { dimValue: { type: "int64", id: 1 }, dimParam: { type: "string", id: 2 } } },
  },
}).lookupType("ModelProto");

/** ONNX's element types and attribute types, as numbered in onnx.proto. */
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE = { float: 1, int: 2, ints: 7 } as const;

/** An attribute value: a float, an integer, or a list of integers. */
export type Attribute = { float: number } | { int: number } | { ints: number[] };
/** A dimension: a fixed size, or a name for a size known only when the graph runs. */
export type Dim = number | string;

type Message = Record<string, unknown>;
const dims = (shape: readonly Dim[]) => ({ dim: shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) });
const valueInfo = (name: string, shape: readonly Dim[]) => ({ name, type: { tensorType: { elemType: FLOAT, shape: dims(shape) } } });

export class OnnxGraph {
  private readonly nodes: Message[] = [];
  private readonly constants: Message[] = [];
  private count = 0;

  /** A float constant (a weight), by name; returns the name. */
  floats(name: string, shape: readonly number[], data: Float32Array): string {
    this.constants.push({ name, dims: shape, dataType: FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    return name;
  }

  /** An integer constant (a shape or axes operand); returns its generated name. */
  int64s(values: readonly number[]): string {
    const name = `const${this.count++}`;
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    this.constants.push({ name, dims: [values.length], dataType: INT64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** Appends a node of a standard operator; returns the name of its (single) output. */
  op(opType: string, inputs: readonly string[], attributes: Record<string, Attribute> = {}): string {
    const output = `t${this.count++}`;
    const attribute = Object.entries(attributes).map(([name, a]) =>
      "float" in a ? { name, f: a.float, type: ATTRIBUTE.float } : "int" in a ? { name, i: a.int, type: ATTRIBUTE.int } : { name, ints: a.ints, type: ATTRIBUTE.ints },
    );
    this.nodes.push({ input: inputs, output: [output], name: output, opType, attribute });
    return output;
  }

  /** The model's bytes, for `InferenceSession.create`. */
  encode(opset: number, input: { name: string; shape: readonly Dim[] }, output: { name: string; shape: readonly Dim[] }): Uint8Array {
    const graph = { name: "graph", node: this.nodes, initializer: this.constants, input: [valueInfo(input.name, input.shape)], output: [valueInfo(output.name, output.shape)] };
    return ONNX.encode({ irVersion: 8, producerName: "verbatim", opsetImport: [{ domain: "", version: opset }], graph }).finish();
  }
}
