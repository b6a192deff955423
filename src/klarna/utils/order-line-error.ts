/** The one error every part of the Klarna order-line builder throws: bad cart or order data. */
import { MedusaError } from "@medusajs/framework/utils"

export const invalidOrderLineData = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
