// The CSP nonce reaches <Scripts> through React context, filled from the load context on the
// server; it never travels in loader data. In the browser it is empty, as it should be.
import { createContext, useContext } from "react";

const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
