export type { KustomSimulatorOptions, RunningSimulator, SimulatorCredential, SimulatorOptions } from "./types"
export { createKlarnaSimulatorApp } from "./app"
export { startKlarnaSimulator } from "./server"
