// keras.utils: what Keras' utils module offers students.
export { to_categorical } from "./utils";
