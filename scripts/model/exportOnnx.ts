import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Graph contract, documented in docs/MODEL_CARD.md and read by utils/model/classifier.ts. */
export const ONNX_OPSET = 17;
export const ONNX_INPUTS = ['indices', 'weights'] as const;
export const ONNX_OUTPUTS = ['p_professional', 'logit', 'contributions'] as const;

export interface LinearModelExport {
  /** One weight per hash bucket (towards professional). */
  weights: Float32Array;
  bias: number;
  /** Platt scaling of the raw logit: p = sigmoid(a * logit + b). */
  platt: { a: number; b: number };
  /** When set, weights are stored as int8 times this scale. */
  int8?: { values: Int8Array; scale: number };
  producerVersion: string;
}

function floatTensor(name: string, dims: number[], values: Float32Array) {
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  });
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({
          dim: dims.map((d) =>
            typeof d === 'string'
              ? onnx.TensorShapeProto.Dimension.create({ dimParam: d })
              : onnx.TensorShapeProto.Dimension.create({ dimValue: d }),
          ),
        }),
      }),
    }),
  });
}

/**
 * Writes the hashed-n-gram linear classifier as an ONNX graph:
 *   contributions[N,L] = W[indices] * weights      (per-n-gram push, for explanations)
 *   logit[N]           = Σ_L contributions + bias
 *   p_professional[N]  = sigmoid(a * logit + b)    (Platt-calibrated)
 * Only Gather, Cast, Mul, ReduceSum, Add and Sigmoid: all run in onnxruntime-web's wasm backend.
 * Deterministic: the same weights give the same bytes.
 */
export function exportLinearModel(model: LinearModelExport): Uint8Array {
  const F = onnx.TensorProto.DataType.FLOAT;
  const buckets = model.weights.length;
  const initializers = [
    floatTensor('bias', [], new Float32Array([model.bias])),
    floatTensor('platt_a', [], new Float32Array([model.platt.a])),
    floatTensor('platt_b', [], new Float32Array([model.platt.b])),
    onnx.TensorProto.create({ name: 'sum_axes', dims: [1], dataType: onnx.TensorProto.DataType.INT64, int64Data: [1] }),
  ];
  const nodes = [];
  if (model.int8) {
    const { values, scale } = model.int8;
    initializers.push(
      onnx.TensorProto.create({
        name: 'W_int8',
        dims: [buckets],
        dataType: onnx.TensorProto.DataType.INT8,
        rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
      }),
      floatTensor('W_scale', [], new Float32Array([scale])),
    );
    nodes.push(
      onnx.NodeProto.create({ opType: 'Gather', input: ['W_int8', 'indices'], output: ['gathered_int8'], name: 'gather', attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 })] }),
      onnx.NodeProto.create({ opType: 'Cast', input: ['gathered_int8'], output: ['gathered_q'], name: 'dequantize_cast', attribute: [onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: F })] }),
      onnx.NodeProto.create({ opType: 'Mul', input: ['gathered_q', 'W_scale'], output: ['gathered'], name: 'dequantize_scale' }),
    );
  } else {
    initializers.push(floatTensor('W', [buckets], model.weights));
    nodes.push(
      onnx.NodeProto.create({ opType: 'Gather', input: ['W', 'indices'], output: ['gathered'], name: 'gather', attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 })] }),
    );
  }
  nodes.push(
    onnx.NodeProto.create({ opType: 'Mul', input: ['gathered', 'weights'], output: ['contributions'], name: 'weigh' }),
    onnx.NodeProto.create({ opType: 'ReduceSum', input: ['contributions', 'sum_axes'], output: ['score'], name: 'sum', attribute: [onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 })] }),
    onnx.NodeProto.create({ opType: 'Add', input: ['score', 'bias'], output: ['logit'], name: 'add_bias' }),
    onnx.NodeProto.create({ opType: 'Mul', input: ['logit', 'platt_a'], output: ['scaled'], name: 'platt_scale' }),
    onnx.NodeProto.create({ opType: 'Add', input: ['scaled', 'platt_b'], output: ['calibrated'], name: 'platt_shift' }),
    onnx.NodeProto.create({ opType: 'Sigmoid', input: ['calibrated'], output: ['p_professional'], name: 'sigmoid' }),
  );
  const graph = onnx.GraphProto.create({
    name: 'properso_hashed_ngram_linear',
    node: nodes,
    initializer: initializers,
    input: [valueInfo('indices', onnx.TensorProto.DataType.INT64, ['N', 'L']), valueInfo('weights', F, ['N', 'L'])],
    output: [valueInfo('p_professional', F, ['N']), valueInfo('logit', F, ['N']), valueInfo('contributions', F, ['N', 'L'])],
  });
  const modelProto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'properso-trainer',
    producerVersion: model.producerVersion,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: ONNX_OPSET })],
    graph,
  });
  return onnx.ModelProto.encode(modelProto).finish();
}
