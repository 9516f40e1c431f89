// The models the MNIST tests share: lecture 8's small CNN (Conv2D 16 3x3 relu, MaxPooling2D 2,
// Conv2D 32 3x3 relu, MaxPooling2D 2, Flatten, Dense 10 softmax), 12,810 parameters.
import { keras } from "../../src";

const L = keras.layers;

/** A fresh instance of the MNIST CNN, for 28×28×1 inputs. */
export function mnistCNN(): keras.SequentialModel {
  return keras.Sequential([
    L.Conv2D(16, 3, { activation: "relu", input_shape: [28, 28, 1] }),
    L.MaxPooling2D(2),
    L.Conv2D(32, 3, { activation: "relu" }),
    L.MaxPooling2D(2),
    L.Flatten(),
    L.Dense(10, { activation: "softmax" }),
  ]);
}
