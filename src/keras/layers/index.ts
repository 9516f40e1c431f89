// keras.layers: every layer, callable with or without `new` (Dense(10) or new Dense(10)).
export { Layer, type Weight, type LayerOptions } from "./layer";
export { Dense, DenseLayer, type DenseOptions } from "./dense";
export { Conv2D, Conv2DLayer, im2col, col2im, convGeometry, type Conv2DOptions, type Padding } from "./conv2d";
export {
  MaxPooling2D, MaxPooling2DLayer, AveragePooling2D, AveragePooling2DLayer,
  GlobalAveragePooling2D, GlobalAveragePooling2DLayer, type PoolingOptions,
} from "./pooling";
export { Flatten, FlattenLayer } from "./flatten";
export { Dropout, DropoutLayer } from "./dropout";
export { BatchNormalization, BatchNormalizationLayer, type BatchNormalizationOptions } from "./batchnorm";
export { Activation, ActivationLayer } from "./activation";
