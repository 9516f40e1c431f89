// keras.backend: the session helpers Keras code calls.
export { clear_session } from "./layers/layer";
