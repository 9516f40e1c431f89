// nnlab's building blocks (`import { nn } from "nnlab"`), shared by the labs.
export {
  sigmoid, tanh, relu, leaky_relu, softmax,
  sigmoid_backward, relu_backward, tanh_backward, leaky_relu_backward,
} from "./activations";
export {
  initialize_zeros, initialize_ones, initialize_random, initialize_xavier, initialize_he, initializers,
  numLayers, parameterKeys,
} from "./initializers";
export type { Parameters, InitializerName } from "./initializers";
export { cross_entropy, cross_entropy_backward, softmax_cross_entropy, sum_squared_errors } from "./losses";
export type { CrossEntropyOptions } from "./losses";
export {
  update_parameters_with_gd, initialize_velocity, update_parameters_with_momentum,
  initialize_rmsprop, update_parameters_with_rmsprop, initialize_adam, update_parameters_with_adam,
} from "./optimizers";
export { random_mini_batches } from "./minibatch";
export { dictionary_to_vector, vector_to_dictionary, gradients_to_vector, gradient_check_n } from "./gradcheck";
export { mlpForward, mlpBackward, mlpCost, mlpPredict, oneHot, trainMLP } from "./mlp";
export type { HiddenActivation, OutputActivation, MLPOptions, MLPLayerCache, TrainMLPOptions } from "./mlp";
