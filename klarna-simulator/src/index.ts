export type { KustomSimulatorOptions, RunningSimulator, SettlementSimulatorOptions, SimulatorCredential, SimulatorOptions } from "./types"
export { createKlarnaSimulatorApp } from "./app"
export { startKlarnaSimulator } from "./server"
