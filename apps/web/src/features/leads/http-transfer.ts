// The upload/download helpers moved to lib/ (the Calls feature uploads recordings with them too).
export type { TUploadOptions } from "../../lib/http-transfer";
export {
  downloadWithBearer,
  TransferError,
  transferErrorMessage,
  uploadForm,
} from "../../lib/http-transfer";
