export type { RunningSimulator, SimulatorOptions } from "./types"
export { createKlarnaSimulatorApp } from "./app"
export { startKlarnaSimulator } from "./server"
