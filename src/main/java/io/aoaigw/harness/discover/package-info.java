/**
 * {@code discover}: reads what a resource group holds from ARM (GETs only) and drafts a commented target file —
 * the APIM service and its API at suffix {@code openai}, the Front Door its serviceUrl points to, the origin group's
 * accounts and their common deployments — leaving what it cannot decide as commented choices.
 */
package io.aoaigw.harness.discover;
