export {
  createDispatchClient,
  getAccessToken,
  type TDispatchClient,
  type TDispatchClientOptions,
} from './create-dispatch-client';
export {
  createTokenSource,
  TokenRequestError,
  type TFetch,
  type TTokenSource,
  type TTokenSourceOptions,
} from './token-source';
