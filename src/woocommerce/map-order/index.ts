export * from "./woo-draft-types"
export { mapWooOrder } from "./build-draft"
