<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>BadgeBaking</name>
    <message>
        <source>The badge image is too large ({size}); badge images of up to {limit} are accepted.</source>
        <translation>La imagen de la insignia es demasiado grande ({size}); se aceptan imágenes de insignia de hasta {limit}.</translation>
    </message>
    <message>
        <source>The PNG image is damaged: {problem} in its {chunk} chunk at byte {at}.</source>
        <translation>La imagen PNG está dañada: {problem} en su bloque {chunk} del byte {at}.</translation>
    </message>
    <message>
        <source>This file is not a PNG image (it does not start like one).</source>
        <translation>Este archivo no es una imagen PNG (no empieza como una).</translation>
    </message>
    <message>
        <source>The PNG image is cut short: it ends before its end marker (IEND). The file was probably not copied or downloaded completely.</source>
        <translation>La imagen PNG está incompleta: termina antes de su marca final (IEND). Probablemente el archivo no se copió o descargó por completo.</translation>
    </message>
    <message>
        <source>The PNG image is damaged: there is no valid chunk at byte {at}.</source>
        <translation>La imagen PNG está dañada: no hay ningún bloque válido en el byte {at}.</translation>
    </message>
    <message>
        <source>The PNG image is cut short: it ends inside its {chunk} chunk. The file was probably not copied or downloaded completely.</source>
        <translation>La imagen PNG está incompleta: termina dentro de su bloque {chunk}. Probablemente el archivo no se copió o descargó por completo.</translation>
    </message>
    <message>
        <source>The PNG image is damaged: its {chunk} chunk at byte {at} fails its checksum (CRC).</source>
        <translation>La imagen PNG está dañada: su bloque {chunk} del byte {at} no supera su suma de comprobación (CRC).</translation>
    </message>
    <message>
        <source>The PNG image is damaged: it does not begin with its header (IHDR).</source>
        <translation>La imagen PNG está dañada: no empieza por su cabecera (IHDR).</translation>
    </message>
    <message>
        <source>The credential is too large to bake ({size}); the limit is {limit}.</source>
        <translation>La credencial es demasiado grande para incrustarla ({size}); el límite es {limit}.</translation>
    </message>
    <message>
        <source>The PNG image is damaged: it holds no image data (IDAT).</source>
        <translation>La imagen PNG está dañada: no contiene datos de imagen (IDAT).</translation>
    </message>
    <message>
        <source>the compressed text cannot be read</source>
        <translation>el texto comprimido no se puede leer</translation>
    </message>
    <message>
        <source>The {chunk} chunk at byte {at} of the PNG image unpacks to more than {limit} of text, far more than any credential; it is refused.</source>
        <translation>El bloque {chunk} del byte {at} de la imagen PNG se descomprime en más de {limit} de texto, mucho más que cualquier credencial; se rechaza.</translation>
    </message>
    <message>
        <source>the compressed text is cut short</source>
        <translation>el texto comprimido está incompleto</translation>
    </message>
    <message>
        <source>The {chunk} chunk at byte {at} of the PNG image holds more than {limit} of text, far more than any credential; it is refused.</source>
        <translation>El bloque {chunk} del byte {at} de la imagen PNG contiene más de {limit} de texto, mucho más que cualquier credencial; se rechaza.</translation>
    </message>
    <message>
        <source>the text is not valid {encoding}</source>
        <translation>el texto no es {encoding} válido</translation>
    </message>
    <message>
        <source>the text header is incomplete</source>
        <translation>la cabecera del texto está incompleta</translation>
    </message>
    <message>
        <source>the compression method is unknown</source>
        <translation>el método de compresión es desconocido</translation>
    </message>
    <message>
        <source>The SVG image declares XML entities, which can make a small file expand enormously or pull in other files; it is refused for safety.</source>
        <translation>La imagen SVG declara entidades XML, que pueden hacer que un archivo pequeño crezca enormemente o que incluya otros archivos; se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The SVG image refers to outside files through XML; it is refused for safety.</source>
        <translation>La imagen SVG hace referencia a archivos externos mediante XML; se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The SVG image is not well-formed XML ({problem}).</source>
        <translation>La imagen SVG no es XML bien formado ({problem}).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>This file is not an SVG image (its root element is {name}).</source>
        <translation>Este archivo no es una imagen SVG (su elemento raíz es {name}).</translation>
    </message>
    <message>
        <source>The SVG image nests its elements more than {depth} deep; it is refused.</source>
        <translation>La imagen SVG anida sus elementos a más de {depth} niveles de profundidad; se rechaza.</translation>
    </message>
    <message>
        <source>The SVG image already uses the prefix “openbadges” for something else ({namespace}), so a credential cannot be baked into it.</source>
        <translation>La imagen SVG ya usa el prefijo “openbadges” para otra cosa ({namespace}), así que no se puede incrustar en ella una credencial.</translation>
    </message>
    <message>
        <source>The badge image {name} cannot be read: {reason}.</source>
        <translation>La imagen de la insignia {name} no se puede leer: {reason}.</translation>
    </message>
    <message>
        <source>Compressed SVG images (.svgz) are not supported; use a plain SVG.</source>
        <translation>Las imágenes SVG comprimidas (.svgz) no se admiten; use un SVG normal.</translation>
    </message>
    <message>
        <source>This file is neither a PNG nor an SVG image.</source>
        <translation>Este archivo no es una imagen PNG ni SVG.</translation>
    </message>
</context>
<context>
    <name>CredentialExport</name>
    <message>
        <source>These submissions have no passing decision to export: {submissions}</source>
        <translation>Estas entregas no tienen ninguna decisión de Superado que exportar: {submissions}</translation>
    </message>
    <message>
        <source>Signed and wrote {done} of {total}</source>
        <translation>Firmadas y escritas {done} de {total}</translation>
    </message>
    <message>
        <source>Exported {total} credentials</source>
        <translation>Credenciales exportadas: {total}</translation>
    </message>
    <message>
        <source>There is no issuer in this data folder yet. Create one first (reviewer-app issuer init --name NAME --url URL --passphrase-file FILE).</source>
        <translation>Aún no hay ningún emisor en esta carpeta de datos. Cree uno primero (reviewer-app issuer init --name NAME --url URL --passphrase-file FILE).</translation>
    </message>
    <message>
        <source>Another export is signing these credentials at the same time; run this one again when it has finished.</source>
        <translation>Otra exportación está firmando estas credenciales al mismo tiempo; vuelva a ejecutar esta cuando haya terminado.</translation>
    </message>
    <message>
        <source>Open Badges 2.0: {problem}.</source>
        <translation>Open Badges 2.0: {problem}.</translation>
    </message>
    <message>
        <source>The credential for {submission} does not meet the Open Badges 3.0 schema: {problems}</source>
        <translation>La credencial de {submission} no cumple el esquema de Open Badges 3.0: {problems}</translation>
    </message>
    <message>
        <source>The badge image of {owner} cannot be used: {problem} Replace the image (definitions add) and export again.</source>
        <translation>La imagen de la insignia de {owner} no se puede usar: {problem} Sustituya la imagen (definitions add) y exporte de nuevo.</translation>
    </message>
    <message>
        <source>VC-JWT credentials need an issuer with a did:web identifier: its DID document publishes the RSA key that signs them, so verifiers can tell the key is the issuer&apos;s. A did:key identifier is itself an Ed25519 key and cannot name an RSA key. Export with Data Integrity proofs (the default), or create a did:web issuer.</source>
        <translation>Las credenciales VC-JWT necesitan un emisor con un identificador did:web: su documento DID publica la clave RSA que las firma, para que quien las verifique sepa que la clave es del emisor. Un identificador did:key es en sí una clave Ed25519 y no puede nombrar una clave RSA. Exporte con pruebas Data Integrity (lo predeterminado) o cree un emisor did:web.</translation>
    </message>
</context>
<context>
    <name>CredentialLists</name>
    <message>
        <source>Another program is keeping the data folder busy, so the credentials could not be read. Try again in a moment; nothing was changed.</source>
        <translation>Otro programa mantiene ocupada la carpeta de datos, así que no se han podido leer las credenciales. Vuelva a intentarlo en un momento; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The credentials could not be read from the database; nothing was changed. Check that the data folder or the team database can be reached, then try again.</source>
        <translation>No se han podido leer las credenciales de la base de datos; no se ha cambiado nada. Compruebe que la carpeta de datos o la base de datos de equipo están accesibles y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>CredentialRevoke</name>
    <message>
        <source>Say why the credential is revoked: the reason is kept and published.</source>
        <translation>Indique por qué se revoca la credencial: el motivo se conserva y se publica.</translation>
    </message>
    <message>
        <source>No {format} credential has been issued for {submission}.</source>
        <translation>No se ha emitido ninguna credencial {format} para {submission}.</translation>
    </message>
    <message>
        <source>The credential for {submission} was already revoked on {date}.</source>
        <translation>La credencial de {submission} ya se revocó el {date}.</translation>
    </message>
    <message>
        <source>The issuer&apos;s passphrase is needed to sign the updated list.</source>
        <translation>Se necesita la frase de contraseña del emisor para firmar la lista actualizada.</translation>
    </message>
</context>
<context>
    <name>CredentialVerify</name>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>no se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>the assertion at {url} is not in the hosting folder</source>
        <translation>la aserción de {url} no está en la carpeta de publicación</translation>
    </message>
    <message>
        <source>not a credential: neither JSON nor a JWT/JWS</source>
        <translation>no es una credencial: no es JSON ni un JWT/JWS</translation>
    </message>
    <message>
        <source>an Open Badges 2.0 assertion that is neither signed nor hosted</source>
        <translation>una aserción de Open Badges 2.0 que no está firmada ni alojada</translation>
    </message>
    <message>
        <source>Open Badges 2.0 hosted assertion</source>
        <translation>aserción alojada de Open Badges 2.0</translation>
    </message>
    <message>
        <source>the hosted copy at {url} is not in the hosting folder</source>
        <translation>la copia alojada en {url} no está en la carpeta de publicación</translation>
    </message>
    <message>
        <source>the hosted copy differs from this assertion</source>
        <translation>la copia alojada difiere de esta aserción</translation>
    </message>
    <message>
        <source>the badge&apos;s issuer profile is not in the hosting folder</source>
        <translation>el perfil del emisor de la insignia no está en la carpeta de publicación</translation>
    </message>
    <message>
        <source>{url} is not within the issuer&apos;s address</source>
        <translation>{url} no está dentro de la dirección del emisor</translation>
    </message>
    <message>
        <source>hosted within the issuer&apos;s address</source>
        <translation>alojada dentro de la dirección del emisor</translation>
    </message>
    <message>
        <source>the hosted copy matches</source>
        <translation>la copia alojada coincide</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocada</translation>
    </message>
    <message>
        <source>not revoked</source>
        <translation>no revocada</translation>
    </message>
    <message>
        <source>issuedOn is missing or in the future</source>
        <translation>issuedOn falta o está en el futuro</translation>
    </message>
    <message>
        <source>expired on {date}</source>
        <translation>caducó el {date}</translation>
    </message>
    <message>
        <source>issued on {date}</source>
        <translation>emitida el {date}</translation>
    </message>
    <message>
        <source>the PNG has no baked credential</source>
        <translation>el PNG no tiene ninguna credencial incrustada</translation>
    </message>
    <message>
        <source>the SVG has no baked credential</source>
        <translation>el SVG no tiene ninguna credencial incrustada</translation>
    </message>
    <message>
        <source>the file is neither text, PNG nor SVG</source>
        <translation>el archivo no es texto, ni PNG, ni SVG</translation>
    </message>
    <message>
        <source>the JSON does not parse: {problem}</source>
        <translation>el JSON no se puede analizar: {problem}</translation>
    </message>
    <message>
        <source>the JSON is not an object</source>
        <translation>el JSON no es un objeto</translation>
    </message>
    <message>
        <source>not a Verifiable Credential (no VerifiableCredential type)</source>
        <translation>no es una credencial verificable (no tiene el tipo VerifiableCredential)</translation>
    </message>
    <message>
        <source>CLR 2.0 credential</source>
        <translation>credencial CLR 2.0</translation>
    </message>
    <message>
        <source>Open Badges 3.0 credential</source>
        <translation>credencial de Open Badges 3.0</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>credencial</translation>
    </message>
    <message>
        <source>the CLR holds no credentials</source>
        <translation>el CLR no contiene ninguna credencial</translation>
    </message>
    <message>
        <source>credential {n} of the CLR: {problem}</source>
        <translation>credencial {n} del CLR: {problem}</translation>
    </message>
    <message>
        <source>all {n} credentials in it verify</source>
        <translation>se verifican las {n} credenciales que contiene</translation>
    </message>
    <message>
        <source>not an Open Badges credential: no schema to check</source>
        <translation>no es una credencial de Open Badges: no hay esquema que comprobar</translation>
    </message>
    <message>
        <source>meets the Open Badges 3.0 schema</source>
        <translation>cumple el esquema de Open Badges 3.0</translation>
    </message>
    <message>
        <source>the credential has no proof</source>
        <translation>la credencial no tiene prueba</translation>
    </message>
    <message>
        <source>the proof names no verification method</source>
        <translation>la prueba no indica ningún método de verificación</translation>
    </message>
    <message>
        <source>the eddsa-rdfc-2022 signature matches</source>
        <translation>la firma eddsa-rdfc-2022 coincide</translation>
    </message>
    <message>
        <source>the credential names no issuer</source>
        <translation>la credencial no indica ningún emisor</translation>
    </message>
    <message>
        <source>signed with {did}, not by the issuer {issuer}</source>
        <translation>firmada con {did}, no por el emisor {issuer}</translation>
    </message>
    <message>
        <source>did:key: the key is the issuer&apos;s identifier itself</source>
        <translation>did:key: la clave es el propio identificador del emisor</translation>
    </message>
    <message>
        <source>the DID document of {did} is not in the hosting folder</source>
        <translation>el documento DID de {did} no está en la carpeta de publicación</translation>
    </message>
    <message>
        <source>{did} does not list {method} for assertions</source>
        <translation>{did} no incluye {method} para aserciones</translation>
    </message>
    <message>
        <source>listed in the DID document of {did}</source>
        <translation>incluida en el documento DID de {did}</translation>
    </message>
    <message>
        <source>cannot resolve {did} offline</source>
        <translation>no se puede resolver {did} sin conexión</translation>
    </message>
    <message>
        <source>cannot tell that {method} is the key of {issuer}: the issuer&apos;s document at that address is not in the hosting folder</source>
        <translation>no se puede saber si {method} es la clave de {issuer}: el documento del emisor en esa dirección no está en la carpeta de publicación</translation>
    </message>
    <message>
        <source>the document of {issuer} does not list {method}</source>
        <translation>el documento de {issuer} no incluye {method}</translation>
    </message>
    <message>
        <source>listed by the issuer&apos;s document at {issuer}</source>
        <translation>incluida en el documento del emisor en {issuer}</translation>
    </message>
    <message>
        <source>The key {method} is not published.</source>
        <translation>La clave {method} no está publicada.</translation>
    </message>
    <message>
        <source>names the schema {url}, which is not one this program has; checked against the Open Badges 3.0 schema instead</source>
        <translation>nombra el esquema {url}, que este programa no tiene; se comprobó en su lugar con el esquema de Open Badges 3.0</translation>
    </message>
    <message>
        <source>validFrom is missing or not a date</source>
        <translation>validFrom falta o no es una fecha</translation>
    </message>
    <message>
        <source>not valid before {moment} UTC</source>
        <translation>no es válida antes del {moment} UTC</translation>
    </message>
    <message>
        <source>valid from {start}, until {end}</source>
        <translation>válida desde el {start} hasta el {end}</translation>
    </message>
    <message>
        <source>valid from {start}</source>
        <translation>válida desde el {start}</translation>
    </message>
    <message>
        <source>the credential has no status entry</source>
        <translation>la credencial no tiene entrada de estado</translation>
    </message>
    <message>
        <source>status type {kind} is not checked</source>
        <translation>el tipo de estado {kind} no se comprueba</translation>
    </message>
    <message>
        <source>the status list {url} is not in the hosting folder</source>
        <translation>la lista de estado {url} no está en la carpeta de publicación</translation>
    </message>
    <message>
        <source>the status list is not the issuer&apos;s</source>
        <translation>la lista de estado no es del emisor</translation>
    </message>
    <message>
        <source>the status list cannot be read: {problem}</source>
        <translation>la lista de estado no se puede leer: {problem}</translation>
    </message>
    <message>
        <source>not a readable JWT/JWS: {problem}</source>
        <translation>no es un JWT/JWS legible: {problem}</translation>
    </message>
    <message>
        <source>the JWT/JWS payload is not a JSON object</source>
        <translation>el contenido del JWT/JWS no es un objeto JSON</translation>
    </message>
    <message>
        <source>the JWT&apos;s vc claim is not an object</source>
        <translation>la declaración vc del JWT no es un objeto</translation>
    </message>
    <message>
        <source>Open Badges 3.0 VC-JWT</source>
        <translation>VC-JWT de Open Badges 3.0</translation>
    </message>
    <message>
        <source>the RS256 signature matches</source>
        <translation>la firma RS256 coincide</translation>
    </message>
    <message>
        <source>published by the issuer at {url}</source>
        <translation>publicada por el emisor en {url}</translation>
    </message>
    <message>
        <source>the issuer&apos;s keys ({kid}) are not in the hosting folder</source>
        <translation>las claves del emisor ({kid}) no están en la carpeta de publicación</translation>
    </message>
    <message>
        <source>no kid</source>
        <translation>sin kid</translation>
    </message>
    <message>
        <source>{url} does not publish the signing key</source>
        <translation>{url} no publica la clave de firma</translation>
    </message>
    <message>
        <source>neither an Open Badges 2.0 assertion nor a VC-JWT</source>
        <translation>no es una aserción de Open Badges 2.0 ni un VC-JWT</translation>
    </message>
    <message>
        <source>Open Badges 2.0 signed assertion</source>
        <translation>aserción firmada de Open Badges 2.0</translation>
    </message>
    <message>
        <source>the signing key or issuer profile is not in the hosting folder</source>
        <translation>la clave de firma o el perfil del emisor no están en la carpeta de publicación</translation>
    </message>
    <message>
        <source>the signing key is not one the issuer publishes</source>
        <translation>la clave de firma no es una de las que publica el emisor</translation>
    </message>
    <message>
        <source>the published key is not an RSA key</source>
        <translation>la clave publicada no es una clave RSA</translation>
    </message>
    <message>
        <source>no revocation list in the hosting folder</source>
        <translation>no hay ninguna lista de revocación en la carpeta de publicación</translation>
    </message>
    <message>
        <source>the manifest is not signed: {file} is missing</source>
        <translation>el manifiesto no está firmado: falta {file}</translation>
    </message>
    <message>
        <source>the manifest cannot be read: {problem}</source>
        <translation>el manifiesto no se puede leer: {problem}</translation>
    </message>
    <message>
        <source>not an export manifest</source>
        <translation>no es un manifiesto de exportación</translation>
    </message>
    <message>
        <source>export manifest</source>
        <translation>manifiesto de exportación</translation>
    </message>
    <message>
        <source>the signature names no key</source>
        <translation>la firma no nombra ninguna clave</translation>
    </message>
    <message>
        <source>the signature is by another issuer</source>
        <translation>la firma es de otro emisor</translation>
    </message>
    <message>
        <source>the signature does not match</source>
        <translation>la firma no coincide</translation>
    </message>
    <message>
        <source>signed by the issuer</source>
        <translation>firmado por el emisor</translation>
    </message>
    <message>
        <source>the manifest lists no files</source>
        <translation>el manifiesto no enumera ningún archivo</translation>
    </message>
    <message>
        <source>a listed path is unsafe</source>
        <translation>una ruta de la lista no es segura</translation>
    </message>
    <message>
        <source>{file} is missing or changed</source>
        <translation>{file} falta o ha cambiado</translation>
    </message>
    <message>
        <source>all {n} files are as signed</source>
        <translation>los {n} archivos están tal como se firmaron</translation>
    </message>
</context>
<context>
    <name>DataIntegrity</name>
    <message>
        <source>A signature would not cover these parts of the credential, because JSON-LD drops them (its @context does not define them, or they are not absolute IRIs): {paths}.</source>
        <translation>Una firma no cubriría estas partes de la credencial, porque JSON-LD las descarta (su @context no las define o no son IRI absolutos): {paths}.</translation>
    </message>
    <message>
        <source>The credential uses the JSON-LD context {url}, which Portfolio Reviewer does not have (contexts are never downloaded).</source>
        <translation>La credencial usa el contexto JSON-LD {url}, que Portfolio Reviewer no tiene (los contextos nunca se descargan).</translation>
    </message>
    <message>
        <source>The credential is not valid JSON-LD: {reason}</source>
        <translation>La credencial no es JSON-LD válido: {reason}</translation>
    </message>
    <message>
        <source>The credential has no @context, so it cannot be signed.</source>
        <translation>La credencial no tiene @context, así que no se puede firmar.</translation>
    </message>
    <message>
        <source>The credential is not a JSON object.</source>
        <translation>La credencial no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The credential has no proof: it is not signed.</source>
        <translation>La credencial no tiene prueba: no está firmada.</translation>
    </message>
    <message>
        <source>The proof</source>
        <translation>La prueba</translation>
    </message>
    <message>
        <source>Proof {n}</source>
        <translation>La prueba {n}</translation>
    </message>
    <message>
        <source>{proof} names JSON-LD contexts the credential does not start with.</source>
        <translation>{proof} indica contextos JSON-LD con los que la credencial no empieza.</translation>
    </message>
    <message>
        <source>The credential has no @context.</source>
        <translation>La credencial no tiene @context.</translation>
    </message>
    <message>
        <source>{proof} is not a JSON object.</source>
        <translation>{proof} no es un objeto JSON.</translation>
    </message>
    <message>
        <source>{proof} has type {type}; only {known} is known.</source>
        <translation>{proof} es del tipo {type}; solo se conoce {known}.</translation>
    </message>
    <message>
        <source>{proof} uses the cryptosuite {suite}; only {known} is supported.</source>
        <translation>{proof} usa el conjunto criptográfico {suite}; solo se admite {known}.</translation>
    </message>
    <message>
        <source>{proof} is part of a proof chain (previousProof): not supported.</source>
        <translation>{proof} forma parte de una cadena de pruebas (previousProof): no se admite.</translation>
    </message>
    <message>
        <source>{proof} is for {purpose}, not {wanted}.</source>
        <translation>{proof} es para {purpose}, no para {wanted}.</translation>
    </message>
    <message>
        <source>{proof} has an invalid creation time {created}.</source>
        <translation>{proof} tiene una hora de creación no válida: {created}.</translation>
    </message>
    <message>
        <source>{proof} does not say which key made it (verificationMethod).</source>
        <translation>{proof} no indica qué clave la hizo (verificationMethod).</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>{proof} has no usable signature (proofValue): {problem}</source>
        <translation>{proof} no tiene una firma utilizable (proofValue): {problem}</translation>
    </message>
    <message>
        <source>{proof} signature has {n} bytes; Ed25519 has 64.</source>
        <translation>{proof}: la firma tiene {n} bytes; una de Ed25519 tiene 64.</translation>
    </message>
    <message>
        <source>The key {method} that made {proof} cannot be found: {problem}</source>
        <translation>No se encuentra la clave {method} que hizo {proof}: {problem}</translation>
    </message>
    <message>
        <source>{proof} does not match: the credential was changed after it was signed, or was not signed by {method}.</source>
        <translation>{proof} no coincide: la credencial se modificó después de firmarse o no la firmó {method}.</translation>
    </message>
</context>
<context>
    <name>Dids</name>
    <message>
        <source>{did} is not a did:key identifier.</source>
        <translation>{did} no es un identificador did:key.</translation>
    </message>
    <message>
        <source>{did} is not a did:key: expected did:key:z6Mk... with one multibase value.</source>
        <translation>{did} no es un did:key: se esperaba did:key:z6Mk... con un único valor multibase.</translation>
    </message>
    <message>
        <source>{did} names a key other than the DID&apos;s own: a did:key verification method is did:key:&lt;key&gt;#&lt;the same key&gt;.</source>
        <translation>{did} indica una clave distinta de la del propio DID: un método de verificación did:key es did:key:&lt;clave&gt;#&lt;la misma clave&gt;.</translation>
    </message>
    <message>
        <source>{did} holds a {codec}; only Ed25519 keys are supported.</source>
        <translation>{did} contiene otro tipo de clave ({codec}); solo se admiten claves Ed25519.</translation>
    </message>
    <message>
        <source>{did} is not a valid did:key: {problem}</source>
        <translation>{did} no es un did:key válido: {problem}</translation>
    </message>
    <message>
        <source>{url}: a did:web is made from an https:// address.</source>
        <translation>{url}: un did:web se forma a partir de una dirección https://.</translation>
    </message>
    <message>
        <source>{url}: a did:web address has no query, fragment or login.</source>
        <translation>{url}: la dirección de un did:web no lleva consulta, fragmento ni datos de inicio de sesión.</translation>
    </message>
    <message>
        <source>{url} has no host name.</source>
        <translation>{url} no tiene nombre de host.</translation>
    </message>
    <message>
        <source>{url}: did:web needs a domain name, not an IP address.</source>
        <translation>{url}: did:web necesita un nombre de dominio, no una dirección IP.</translation>
    </message>
    <message>
        <source>{url} has an invalid port.</source>
        <translation>{url} tiene un puerto no válido.</translation>
    </message>
    <message>
        <source>{url} has an empty path segment (&apos;//&apos;).</source>
        <translation>{url} tiene un segmento de ruta vacío (&apos;//&apos;).</translation>
    </message>
    <message>
        <source>{did}: give the DID itself, without a #fragment.</source>
        <translation>{did}: indique el propio DID, sin #fragmento.</translation>
    </message>
    <message>
        <source>A DID document needs at least one key.</source>
        <translation>Un documento DID necesita al menos una clave.</translation>
    </message>
    <message>
        <source>{fragment} cannot be a key id fragment.</source>
        <translation>{fragment} no puede ser un fragmento de identificador de clave.</translation>
    </message>
    <message>
        <source>The key id {method} is used twice.</source>
        <translation>El identificador de clave {method} se usa dos veces.</translation>
    </message>
    <message>
        <source>The DID document is for {found}, not {did}.</source>
        <translation>El documento DID es de {found}, no de {did}.</translation>
    </message>
    <message>
        <source>The DID document does not list {method} for signing credentials.</source>
        <translation>El documento DID no incluye {method} para firmar credenciales.</translation>
    </message>
    <message>
        <source>The DID document has no verification method {method}.</source>
        <translation>El documento DID no tiene el método de verificación {method}.</translation>
    </message>
    <message>
        <source>The key {method} has no publicKeyMultibase.</source>
        <translation>La clave {method} no tiene publicKeyMultibase.</translation>
    </message>
    <message>
        <source>The key {method} is unusable: {problem}</source>
        <translation>La clave {method} no se puede usar: {problem}</translation>
    </message>
    <message>
        <source>{did} is not a did:web identifier.</source>
        <translation>{did} no es un identificador did:web.</translation>
    </message>
    <message>
        <source>{did} is not a valid did:web (empty or invalid part).</source>
        <translation>{did} no es un did:web válido (tiene una parte vacía o no válida).</translation>
    </message>
    <message>
        <source>{did} does not start with a valid domain name.</source>
        <translation>{did} no empieza por un nombre de dominio válido.</translation>
    </message>
</context>
<context>
    <name>IssuerKeys</name>
    <message>
        <source>The issuer needs a name.</source>
        <translation>El emisor necesita un nombre.</translation>
    </message>
    <message>
        <source>The issuer&apos;s web address must be an https:// address, not {url}.</source>
        <translation>La dirección web del emisor debe ser una dirección https://, no {url}.</translation>
    </message>
    <message>
        <source>The hosting address must be an https:// address, not {url}.</source>
        <translation>La dirección de publicación debe ser una dirección https://, no {url}.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {n} characters, for example three or four ordinary words. Its length is what protects the signing keys if someone copies the key files; symbols and digits are not required.</source>
        <translation>La frase de contraseña es demasiado corta: use al menos {n} caracteres, por ejemplo tres o cuatro palabras corrientes. Su longitud es lo que protege las claves de firma si alguien copia los archivos de claves; no hacen falta símbolos ni cifras.</translation>
    </message>
    <message>
        <source>Key {key_id} is not an Ed25519 or RSA key.</source>
        <translation>La clave {key_id} no es una clave Ed25519 ni RSA.</translation>
    </message>
    <message>
        <source>The issuer&apos;s image</source>
        <translation>La imagen del emisor</translation>
    </message>
    <message>
        <source>The issuer&apos;s image must be a PNG or an SVG file.</source>
        <translation>La imagen del emisor debe ser un archivo PNG o SVG.</translation>
    </message>
    <message>
        <source>A key file that belongs to no issuer in this data folder (left by an interrupted set-up, or by a restore to an earlier state) was in the way; it was kept as {path}.</source>
        <translation>Un archivo de clave que no pertenece a ningún emisor de esta carpeta de datos (dejado por una configuración interrumpida o por una restauración a un estado anterior) estaba en medio; se ha guardado como {path}.</translation>
    </message>
    <message>
        <source>There is no issuer {issuer_id} in this data folder.</source>
        <translation>No hay ningún emisor {issuer_id} en esta carpeta de datos.</translation>
    </message>
    <message>
        <source>Issuer {name} has no active {kind} key.</source>
        <translation>El emisor {name} no tiene ninguna clave {kind} activa.</translation>
    </message>
    <message>
        <source>Key {key_id} is not an Ed25519 key.</source>
        <translation>La clave {key_id} no es una clave Ed25519.</translation>
    </message>
    <message>
        <source>Key {key_id} is not an RSA key.</source>
        <translation>La clave {key_id} no es una clave RSA.</translation>
    </message>
    <message>
        <source>A signature by {name} does not verify with the issuer&apos;s published key, so nothing was signed or written. Check that the issuer&apos;s key files are its own.</source>
        <translation>Una firma de {name} no se verifica con la clave publicada del emisor, así que no se firmó ni se escribió nada. Compruebe que los archivos de claves del emisor son los suyos.</translation>
    </message>
    <message>
        <source>The key files of {name} do not hold the expected keys.</source>
        <translation>Los archivos de clave de {name} no contienen las claves esperadas.</translation>
    </message>
    <message>
        <source>The signing key needs a passphrase; an empty one cannot protect it.</source>
        <translation>La clave de firma necesita una frase de contraseña; una vacía no puede protegerla.</translation>
    </message>
    <message>
        <source>A key file already exists at {path}; it was left as it is.</source>
        <translation>Ya existe un archivo de clave en {path}; se ha dejado como estaba.</translation>
    </message>
    <message>
        <source>The passphrase is not right for the signing key &quot;{key_id}&quot; ({file}). If you are sure it is, the key file&apos;s settings may have been altered.</source>
        <translation>La frase de contraseña no es correcta para la clave de firma &quot;{key_id}&quot; ({file}). Si está seguro de que lo es, puede que se hayan alterado los ajustes del archivo de clave.</translation>
    </message>
    <message>
        <source>The key file {path} has been altered: the passphrase is right, but the sealed key or its details (kind, key id, date, public key) are not what was sealed. Restore it from a backup.</source>
        <translation>El archivo de clave {path} se ha alterado: la frase de contraseña es correcta, pero la clave sellada o sus datos (tipo, identificador de clave, fecha, clave pública) no son los que se sellaron. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The key file {path} holds a key this app cannot read.</source>
        <translation>El archivo de clave {path} contiene una clave que esta aplicación no puede leer.</translation>
    </message>
    <message>
        <source>The key file {path} holds a different kind of key than it says.</source>
        <translation>El archivo de clave {path} contiene un tipo de clave distinto del que indica.</translation>
    </message>
    <message>
        <source>The key file {path} is inconsistent: its public key does not belong to its private key.</source>
        <translation>El archivo de clave {path} es incoherente: su clave pública no corresponde a su clave privada.</translation>
    </message>
    <message>
        <source>The key file {path} is not this issuer&apos;s key: it belongs to another issuer, or it has been replaced. Nothing was signed. Put the issuer&apos;s own key file back (from a backup).</source>
        <translation>El archivo de clave {path} no es la clave de este emisor: pertenece a otro emisor o ha sido sustituido. No se firmó nada. Vuelva a poner el archivo de clave propio del emisor (desde una copia de seguridad).</translation>
    </message>
    <message>
        <source>The key file {path} is damaged: {problem}.</source>
        <translation>El archivo de clave {path} está dañado: {problem}.</translation>
    </message>
    <message>
        <source>its checksum is missing</source>
        <translation>falta su suma de comprobación</translation>
    </message>
    <message>
        <source>its contents do not match its checksum (changed after it was written)</source>
        <translation>su contenido no coincide con su suma de comprobación (se modificó después de escribirse)</translation>
    </message>
    <message>
        <source>its key id is not valid</source>
        <translation>su identificador de clave no es válido</translation>
    </message>
    <message>
        <source>it names an unknown kind of key (&quot;{kind}&quot;)</source>
        <translation>indica un tipo de clave desconocido (&quot;{kind}&quot;)</translation>
    </message>
    <message>
        <source>its creation date is not a date</source>
        <translation>su fecha de creación no es una fecha</translation>
    </message>
    <message>
        <source>its creation date has no time zone</source>
        <translation>su fecha de creación no tiene zona horaria</translation>
    </message>
    <message>
        <source>its public key cannot be read</source>
        <translation>su clave pública no se puede leer</translation>
    </message>
    <message>
        <source>its public key is not an {kind} key</source>
        <translation>su clave pública no es una clave {kind}</translation>
    </message>
    <message>
        <source>it uses a key-derivation method this app does not know</source>
        <translation>usa un método de derivación de claves que esta aplicación no conoce</translation>
    </message>
    <message>
        <source>its key-derivation settings are out of range ({error})</source>
        <translation>sus ajustes de derivación de claves están fuera de rango ({error})</translation>
    </message>
    <message>
        <source>its salt is too short</source>
        <translation>su sal es demasiado corta</translation>
    </message>
    <message>
        <source>it uses a cipher this app does not know</source>
        <translation>usa un cifrado que esta aplicación no conoce</translation>
    </message>
    <message>
        <source>its nonce has the wrong length</source>
        <translation>su nonce tiene una longitud incorrecta</translation>
    </message>
    <message>
        <source>its sealed key is cut short</source>
        <translation>su clave sellada está incompleta</translation>
    </message>
    <message>
        <source>There is no key file at {path}.</source>
        <translation>No hay ningún archivo de clave en {path}.</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read: {reason}.</source>
        <translation>El archivo de clave {path} no se puede leer: {reason}.</translation>
    </message>
    <message>
        <source>The key file {path} is empty.</source>
        <translation>El archivo de clave {path} está vacío.</translation>
    </message>
    <message>
        <source>{path} is too large to be a key file.</source>
        <translation>{path} es demasiado grande para ser un archivo de clave.</translation>
    </message>
    <message>
        <source>The key file {path} is damaged or cut short: it is not complete JSON.</source>
        <translation>El archivo de clave {path} está dañado o incompleto: no es un JSON completo.</translation>
    </message>
    <message>
        <source>{path} is not a key file.</source>
        <translation>{path} no es un archivo de clave.</translation>
    </message>
    <message>
        <source>The key file {path} is in a format this version of the app does not know (&quot;{version}&quot;); it was probably written by a newer version.</source>
        <translation>El archivo de clave {path} está en un formato que esta versión de la aplicación no conoce (&quot;{version}&quot;); probablemente lo escribió una versión más reciente.</translation>
    </message>
    <message>
        <source>{path} is not a Portfolio Reviewer key file.</source>
        <translation>{path} no es un archivo de clave de Portfolio Reviewer.</translation>
    </message>
    <message>
        <source>its &quot;{name}&quot; is missing or not of the right type</source>
        <translation>su &quot;{name}&quot; falta o no es del tipo correcto</translation>
    </message>
    <message>
        <source>its &quot;{name}&quot; is not valid base64</source>
        <translation>su &quot;{name}&quot; no es base64 válido</translation>
    </message>
</context>
<context>
    <name>JsonLdContexts</name>
    <message>
        <source>The JSON-LD context for {url} cannot be read from {path}: {reason}. The installation is incomplete; reinstall Portfolio Reviewer.</source>
        <translation>El contexto JSON-LD de {url} no se puede leer de {path}: {reason}. La instalación está incompleta; vuelva a instalar Portfolio Reviewer.</translation>
    </message>
    <message>
        <source>The JSON-LD context file {path} (for {url}) has been changed: its SHA-256 is {digest}, not {expected}. It is not used; reinstall Portfolio Reviewer.</source>
        <translation>El archivo de contexto JSON-LD {path} (de {url}) se ha modificado: su SHA-256 es {digest}, no {expected}. No se usa; vuelva a instalar Portfolio Reviewer.</translation>
    </message>
</context>
<context>
    <name>Multibase</name>
    <message>
        <source>The value</source>
        <translation>El valor</translation>
    </message>
    <message>
        <source>{value} must be a non-empty multibase string.</source>
        <translation>{value} debe ser una cadena multibase no vacía.</translation>
    </message>
    <message>
        <source>{value} starts with {first}; only multibase base58btc (prefix {prefix}) is supported.</source>
        <translation>{value} empieza por {first}; solo se admite multibase base58btc (prefijo {prefix}).</translation>
    </message>
    <message>
        <source>{value} has characters outside base58btc: {characters}.</source>
        <translation>{value} tiene caracteres ajenos a base58btc: {characters}.</translation>
    </message>
    <message>
        <source>The multicodec prefix is not a valid varint.</source>
        <translation>El prefijo multicodec no es un varint válido.</translation>
    </message>
    <message>
        <source>{value} is not an {expected} (its multicodec says: {found}).</source>
        <translation>{value} no es del tipo {expected} (su multicodec indica: {found}).</translation>
    </message>
    <message>
        <source>{value} holds {n} key bytes; an Ed25519 key has {length}.</source>
        <translation>{value} contiene {n} bytes de clave; una clave Ed25519 tiene {length}.</translation>
    </message>
    <message>
        <source>The public key</source>
        <translation>La clave pública</translation>
    </message>
    <message>
        <source>The private key</source>
        <translation>La clave privada</translation>
    </message>
    <message>
        <source>Multibase value {value}</source>
        <translation>El valor multibase {value}</translation>
    </message>
</context>
<context>
    <name>SignedTokens</name>
    <message>
        <source>A signed token must be text.</source>
        <translation>Un token firmado debe ser texto.</translation>
    </message>
    <message>
        <source>This is not a compact JWS: it has {n} part(s) separated by dots, not three.</source>
        <translation>Esto no es un JWS compacto: tiene {n} parte(s) separadas por puntos, no tres.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not JSON.</source>
        <translation>La cabecera del token no es JSON.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation>La cabecera del token no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The token asks for JWS extensions (crit) that this app does not support.</source>
        <translation>El token pide extensiones JWS (crit) que esta aplicación no admite.</translation>
    </message>
    <message>
        <source>The token uses an unencoded payload (b64), which is not supported.</source>
        <translation>El token usa un contenido sin codificar (b64), lo que no se admite.</translation>
    </message>
    <message>
        <source>The token has no signature.</source>
        <translation>El token no tiene firma.</translation>
    </message>
    <message>
        <source>The signature does not match: the token was changed after it was signed, or it was signed with a different key.</source>
        <translation>La firma no coincide: el token se modificó después de firmarse o se firmó con otra clave.</translation>
    </message>
    <message>
        <source>The public key is too short to be trusted (under {bits} bits).</source>
        <translation>La clave pública es demasiado corta para ser de confianza (menos de {bits} bits).</translation>
    </message>
    <message>
        <source>The token cannot be verified: {problem}.</source>
        <translation>El token no se puede verificar: {problem}.</translation>
    </message>
    <message>
        <source>The token&apos;s type is &quot;{type}&quot;, not a JWT.</source>
        <translation>El tipo del token es &quot;{type}&quot;, no JWT.</translation>
    </message>
    <message>
        <source>The token&apos;s header carries a private key; it must not be trusted.</source>
        <translation>La cabecera del token lleva una clave privada; no se debe confiar en él.</translation>
    </message>
    <message>
        <source>The token&apos;s payload is not JSON.</source>
        <translation>El contenido del token no es JSON.</translation>
    </message>
    <message>
        <source>The token&apos;s payload is not a JSON object.</source>
        <translation>El contenido del token no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The credential is not valid yet: it is valid from {start}.</source>
        <translation>La credencial aún no es válida: es válida desde {start}.</translation>
    </message>
    <message>
        <source>The credential expired on {end}.</source>
        <translation>La credencial caducó el {end}.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;iss&quot; claim does not match the credential&apos;s issuer id.</source>
        <translation>La declaración &quot;iss&quot; del token no coincide con el identificador del emisor de la credencial.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;jti&quot; claim does not match the credential&apos;s credential id.</source>
        <translation>La declaración &quot;jti&quot; del token no coincide con el identificador de la credencial.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;sub&quot; claim does not match the credential&apos;s subject id.</source>
        <translation>La declaración &quot;sub&quot; del token no coincide con el identificador del sujeto de la credencial.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;nbf&quot; claim does not match the credential&apos;s validFrom.</source>
        <translation>La declaración &quot;nbf&quot; del token no coincide con el validFrom de la credencial.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;exp&quot; claim does not match the credential&apos;s validUntil.</source>
        <translation>La declaración &quot;exp&quot; del token no coincide con el validUntil de la credencial.</translation>
    </message>
    <message>
        <source>The credential has no issuer id.</source>
        <translation>La credencial no tiene identificador de emisor.</translation>
    </message>
    <message>
        <source>The credential has no id.</source>
        <translation>La credencial no tiene identificador.</translation>
    </message>
    <message>
        <source>The credential has no validFrom date.</source>
        <translation>La credencial no tiene fecha validFrom.</translation>
    </message>
    <message>
        <source>The credential&apos;s {name} is not a date.</source>
        <translation>El {name} de la credencial no es una fecha.</translation>
    </message>
    <message>
        <source>The credential&apos;s {name} (&quot;{value}&quot;) is not a date.</source>
        <translation>El {name} de la credencial (&quot;{value}&quot;) no es una fecha.</translation>
    </message>
    <message>
        <source>The credential&apos;s {name} has no time zone.</source>
        <translation>El {name} de la credencial no tiene zona horaria.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;{name}&quot; claim is not a date in seconds.</source>
        <translation>La declaración &quot;{name}&quot; del token no es una fecha en segundos.</translation>
    </message>
    <message>
        <source>The token&apos;s header names no signing algorithm.</source>
        <translation>La cabecera del token no indica ningún algoritmo de firma.</translation>
    </message>
    <message>
        <source>The token is not signed (its algorithm is &quot;none&quot;); it cannot be trusted.</source>
        <translation>El token no está firmado (su algoritmo es &quot;none&quot;); no se puede confiar en él.</translation>
    </message>
    <message>
        <source>The token is signed with a shared secret (&quot;{alg}&quot;), which proves nothing about the issuer; only RS256 signatures are accepted.</source>
        <translation>El token está firmado con un secreto compartido (&quot;{alg}&quot;), lo que no demuestra nada sobre el emisor; solo se aceptan firmas RS256.</translation>
    </message>
    <message>
        <source>The token uses the algorithm &quot;{alg}&quot;; only RS256 is accepted.</source>
        <translation>El token usa el algoritmo &quot;{alg}&quot;; solo se acepta RS256.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not valid base64url.</source>
        <translation>La cabecera del token no es base64url válido.</translation>
    </message>
    <message>
        <source>The token&apos;s payload is not valid base64url.</source>
        <translation>El contenido del token no es base64url válido.</translation>
    </message>
    <message>
        <source>The token&apos;s signature is not valid base64url.</source>
        <translation>La firma del token no es base64url válido.</translation>
    </message>
</context>
<context>
    <name>StatusList</name>
    <message>
        <source>Status index {index} is outside the list of {size}.</source>
        <translation>El índice de estado {index} está fuera de la lista de {size}.</translation>
    </message>
    <message>
        <source>The status list is not multibase base64url (it must start &apos;u&apos;).</source>
        <translation>La lista de estado no es multibase base64url (debe empezar por &apos;u&apos;).</translation>
    </message>
    <message>
        <source>The status list is not valid base64url: {problem}</source>
        <translation>La lista de estado no es base64url válido: {problem}</translation>
    </message>
    <message>
        <source>The status list is not valid GZIP data: {problem}</source>
        <translation>La lista de estado no son datos GZIP válidos: {problem}</translation>
    </message>
    <message>
        <source>The status list expands beyond any sensible size.</source>
        <translation>La lista de estado se expande más allá de cualquier tamaño razonable.</translation>
    </message>
    <message>
        <source>Status index {index} is outside the list.</source>
        <translation>El índice de estado {index} está fuera de la lista.</translation>
    </message>
</context>
</TS>
