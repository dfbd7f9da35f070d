<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../omni_desktop/api/auth.py" line="+37"/>
        <source>The {noun} is empty.</source>
        <translation>Das Feld „{noun}“ ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basic authentication needs a username.</source>
        <translation>Die Basic-Anmeldung braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credentials cannot contain line breaks.</source>
        <translation>Anmeldedaten dürfen keine Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The {noun} has characters that cannot be sent ({chars}); paste it again from the Infobip portal.</source>
        <translation>„{noun}“ enthält Zeichen, die nicht gesendet werden können ({chars}); fügen Sie den Wert erneut aus dem Infobip-Portal ein.</translation>
    </message>
    <message>
        <location line="+52"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="+21"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="+7"/>
        <source>IBSSO token</source>
        <translation>IBSSO-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/api/client.py" line="+70"/>
        <source>the message may or may not have been sent; look it up in the logs by its messageId before sending again</source>
        <translation>die Nachricht wurde möglicherweise gesendet; suchen Sie sie anhand ihrer messageId in den Logs, bevor Sie erneut senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the scenario may or may not have been saved; reload the scenarios before saving again</source>
        <translation>das Szenario wurde möglicherweise gespeichert; laden Sie die Szenarien neu, bevor Sie erneut speichern</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The base URL {url!r} cannot be used ({reason}).</source>
        <translation>Die Basis-URL {url!r} kann nicht verwendet werden ({reason}).</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>it is bigger than {mib} MiB</source>
        <translation>sie ist größer als {mib} MiB</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>unreadable answer: {why}</source>
        <translation>unlesbare Antwort: {why}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreadable answer</source>
        <translation>unlesbare Antwort</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is not shaped like an OMNI answer</source>
        <translation>sie hat nicht die Form einer OMNI-Antwort</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/api/errors.py" line="+34"/>
        <source>The server said: {text}</source>
        <translation>Der Server meldet: {text}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not reach the OMNI server at {host} ({reason}); nothing was sent, so it is safe to try again once the connection works.</source>
        <translation>Der OMNI-Server unter {host} ist nicht erreichbar ({reason}); es wurde nichts gesendet, Sie können es also gefahrlos erneut versuchen, sobald die Verbindung steht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The OMNI server gave no usable answer ({reason}); nothing was changed, so you can try again.</source>
        <translation>Der OMNI-Server hat keine verwertbare Antwort gegeben ({reason}); es wurde nichts geändert, Sie können es also erneut versuchen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The request went out but no usable answer came back ({reason}), so {effect}.</source>
        <translation>Die Anfrage wurde gesendet, aber es kam keine verwertbare Antwort zurück ({reason}), also: {effect}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The OMNI server refused the request (HTTP {status}); correct it and send again.</source>
        <translation>Der OMNI-Server hat die Anfrage abgelehnt (HTTP {status}); korrigieren Sie sie und senden Sie erneut.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The OMNI server did not accept the credentials (HTTP 401); check the API key or login in the profile.</source>
        <translation>Der OMNI-Server hat die Anmeldedaten nicht akzeptiert (HTTP 401); prüfen Sie den API-Schlüssel oder die Anmeldung im Profil.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The credentials are valid but not allowed to do this (HTTP 403); ask the account administrator for the OMNI failover permissions.</source>
        <translation>Die Anmeldedaten sind gültig, aber dafür nicht berechtigt (HTTP 403); bitten Sie die Kontoverwaltung um die Berechtigungen für OMNI-Failover.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The OMNI server has no {what} (HTTP 404); reload the list and pick again.</source>
        <translation>Der OMNI-Server kennt {what} nicht (HTTP 404); laden Sie die Liste neu und wählen Sie erneut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The OMNI server is limiting requests (HTTP 429); wait a minute and try again.</source>
        <translation>Der OMNI-Server begrenzt die Anfragen (HTTP 429); warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The OMNI server is limiting requests (HTTP 429); wait {seconds:g} s and try again.</source>
        <translation>Der OMNI-Server begrenzt die Anfragen (HTTP 429); warten Sie {seconds:g} s und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/api/transport.py" line="+126"/>
        <source>The request could not be made ({reason}); nothing was sent. Check the profile&apos;s base URL and credentials, then try again.</source>
        <translation>Die Anfrage konnte nicht gestellt werden ({reason}); es wurde nichts gesendet. Prüfen Sie die Basis-URL und die Anmeldedaten des Profils und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it is nested deeper than {levels} levels</source>
        <translation>sie ist tiefer als {levels} Ebenen verschachtelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds NaN or Infinity, which JSON does not allow</source>
        <translation>sie enthält NaN oder Infinity, was JSON nicht erlaubt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not JSON (at character {at})</source>
        <translation>sie ist kein JSON (bei Zeichen {at})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds text or numbers the client cannot read</source>
        <translation>sie enthält Text oder Zahlen, die der Client nicht lesen kann</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/addresses.py" line="+157"/>
        <source>The number is too short; check for missing digits and the country code.</source>
        <translation>Die Nummer ist zu kurz; prüfen Sie, ob Ziffern oder die Ländervorwahl fehlen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The number does not start with a known country code; write it with its country code, e.g. +41 79 302 67 27.</source>
        <translation>Die Nummer beginnt nicht mit einer bekannten Ländervorwahl; schreiben Sie sie mit Ländervorwahl, z. B. +41 79 302 67 27.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The number is too long; check for extra digits.</source>
        <translation>Die Nummer ist zu lang; prüfen Sie, ob Ziffern zu viel sind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number has the wrong number of digits for country code +{code}.</source>
        <translation>Die Nummer hat die falsche Anzahl Ziffern für die Ländervorwahl +{code}.</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>The number is not a valid number in {country}; check the digits, or write it with + and its country code.</source>
        <translation>Die Nummer ist in {country} nicht gültig; prüfen Sie die Ziffern oder schreiben Sie sie mit + und Ländervorwahl.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Read as {taken} ({country}); if you meant {other} in {other_country}, write it with +{code}.</source>
        <translation>Gelesen als {taken} ({country}); falls Sie {other} in {other_country} meinen, schreiben Sie sie mit +{code}.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The number is empty.</source>
        <translation>Die Nummer ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number has letters in it; use digits only.</source>
        <translation>Die Nummer enthält Buchstaben; verwenden Sie nur Ziffern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a phone number: it has no digits.</source>
        <translation>Das ist keine Telefonnummer: Sie enthält keine Ziffern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A &apos;+&apos; can only come first, before the country code.</source>
        <translation>Ein „+“ darf nur am Anfang stehen, vor der Ländervorwahl.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number has &apos;{char}&apos; in it; use digits, spaces, dashes, dots and brackets.</source>
        <translation>Die Nummer enthält „{char}“; verwenden Sie Ziffern, Leerzeichen, Bindestriche, Punkte und Klammern.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The e-mail address is empty.</source>
        <translation>Die E-Mail-Adresse ist leer.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/jsonsafe.py" line="+36"/>
        <source>The JSON</source>
        <translation>Das JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} holds {name}, which is not a number JSON allows; write a number.</source>
        <translation>{what} enthält {name}, keine in JSON erlaubte Zahl; schreiben Sie eine Zahl.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what} holds the number {text}, too large for any field.</source>
        <translation>{what} enthält die Zahl {text}, die für jedes Feld zu groß ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{what} holds a number of more than {limit} digits, which no field takes.</source>
        <translation>{what} enthält eine Zahl mit mehr als {limit} Ziffern, die kein Feld annimmt.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The document</source>
        <translation>Das Dokument</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{place} has a key with a broken character (a lone surrogate); retype that key.</source>
        <translation>{place} hat einen Schlüssel mit einem defekten Zeichen (ein einzelnes Surrogat); geben Sie diesen Schlüssel neu ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{place} has a broken character (a lone surrogate, half of an emoji or other character); retype that text.</source>
        <translation>{place} enthält ein defektes Zeichen (ein einzelnes Surrogat, die Hälfte eines Emojis oder anderen Zeichens); geben Sie diesen Text neu ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{place} is NaN or Infinity, which is not a number JSON can hold; write a number.</source>
        <translation>{place} ist NaN oder Infinity, keine Zahl, die JSON darstellen kann; schreiben Sie eine Zahl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place} holds a {kind}, which JSON cannot hold.</source>
        <translation>{place} enthält einen Wert vom Typ {kind}, den JSON nicht darstellen kann.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{place} is nested more than {limit} levels deep, which no OMNI request is.</source>
        <translation>{place} ist mehr als {limit} Ebenen tief verschachtelt, was bei keiner OMNI-Anfrage vorkommt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{place} is a number of more than {limit} digits, which no field takes.</source>
        <translation>{place} ist eine Zahl mit mehr als {limit} Ziffern, die kein Feld annimmt.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/message.py" line="+130"/>
        <source>sendAt {text} is not a date-time like 2026-06-01T10:45:00.000+02:00.</source>
        <translation>sendAt {text} ist keine Datums- und Zeitangabe wie 2026-06-01T10:45:00.000+02:00.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sendAt {text} has the time-zone offset {zone}, which no place has; use one between -18:00 and +18:00, like +02:00.</source>
        <translation>sendAt {text} hat die Zeitzonenverschiebung {zone}, die es nirgends gibt; verwenden Sie eine zwischen -18:00 und +18:00, z. B. +02:00.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sendAt {text} is not a real date: {reason}.</source>
        <translation>sendAt {text} ist kein gültiges Datum: {reason}.</translation>
    </message>
    <message>
        <location line="+247"/>
        <source>{key}.validityPeriodTimeUnit should be SECONDS, MINUTES or HOURS, not {unit}.</source>
        <translation>{key}.validityPeriodTimeUnit muss SECONDS, MINUTES oder HOURS sein, nicht {unit}.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The draft is not a JSON object.</source>
        <translation>Der Entwurf ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/recipients.py" line="+123"/>
        <source>No phone number or e-mail address in “{line}”.</source>
        <translation>Keine Telefonnummer und keine E-Mail-Adresse in „{line}“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not tell what “{extra}” is; a line holds a phone number, an e-mail address and a message ID at most.</source>
        <translation>Unklar, was „{extra}“ ist; eine Zeile enthält höchstens eine Telefonnummer, eine E-Mail-Adresse und eine Nachrichten-ID.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/regions.py" line="+24"/>
        <source>{code!r} is not a country code for phone numbers; use two letters such as CH or HR.</source>
        <translation>{code!r} ist kein Ländercode für Telefonnummern; verwenden Sie zwei Buchstaben wie CH oder HR.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/request_schema.py" line="+69"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+13"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/message.py" line="-107"/>
        <location filename="../../omni_desktop/core/request_schema.py" line="-14"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/request_schema.py" line="+2"/>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/message.py" line="-1"/>
        <location filename="../../omni_desktop/core/request_schema.py" line="+22"/>
        <source>{where} should be {expected}, not {actual}.</source>
        <translation>{where} muss {expected} sein, nicht {actual}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/request_schema.py" line="+41"/>
        <location filename="../../omni_desktop/core/validation.py" line="+547"/>
        <source>hundreds of</source>
        <translation>Hunderten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a number of {digits} digits, far beyond any validity period; use at most {most} minutes (48 hours).</source>
        <translation>{path} ist eine Zahl mit {digits} Ziffern, weit über jeder Gültigkeitsdauer; verwenden Sie höchstens {most} Minuten (48 Stunden).</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/urls.py" line="+36"/>
        <source>{url!r} is not a web address; use e.g. https://xxxxx.api.infobip.com.</source>
        <translation>{url!r} ist keine Webadresse; verwenden Sie z. B. https://xxxxx.api.infobip.com.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The base URL must start with https://, e.g. https://xxxxx.api.infobip.com.</source>
        <translation>Die Basis-URL muss mit https:// beginnen, z. B. https://xxxxx.api.infobip.com.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The port in {url!r} must be a number from 1 to 65535 (or leave it out, as in https://xxxxx.api.infobip.com).</source>
        <translation>Der Port in {url!r} muss eine Zahl von 1 bis 65535 sein (oder lassen Sie ihn weg, wie in https://xxxxx.api.infobip.com).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host!r} is not a host name; use e.g. https://xxxxx.api.infobip.com.</source>
        <translation>{host!r} ist kein Hostname; verwenden Sie z. B. https://xxxxx.api.infobip.com.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put credentials in the profile, not in the base URL.</source>
        <translation>Tragen Sie Anmeldedaten im Profil ein, nicht in der Basis-URL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain http:// would send the API key unencrypted to {host}; use https:// (http:// is allowed only for a local server on 127.0.0.1, ::1 or localhost).</source>
        <translation>Mit einfachem http:// würde der API-Schlüssel unverschlüsselt an {host} gehen; verwenden Sie https:// (http:// ist nur für einen lokalen Server auf 127.0.0.1, ::1 oder localhost erlaubt).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The base URL cannot have a query (?...) or a fragment (#...).</source>
        <translation>Die Basis-URL darf keine Abfrage (?...) und kein Fragment (#...) enthalten.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/validation.py" line="-398"/>
        <source>There is no content for any channel; write the message first.</source>
        <translation>Für keinen Kanal gibt es Inhalt; schreiben Sie zuerst die Nachricht.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The send time has no time zone; pick the time again.</source>
        <translation>Der Sendezeitpunkt hat keine Zeitzone; wählen Sie die Zeit erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The send time is in the past; pick a later time or send now.</source>
        <translation>Der Sendezeitpunkt liegt in der Vergangenheit; wählen Sie eine spätere Zeit oder senden Sie sofort.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The send time is {days} days or more ahead; pick an earlier time.</source>
        <translation>Der Sendezeitpunkt liegt {days} Tage oder mehr in der Zukunft; wählen Sie eine frühere Zeit.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The callback data has {n} characters; shorten it to {limit}.</source>
        <translation>Die Callback-Daten haben {n} Zeichen; kürzen Sie sie auf {limit}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The delivery report URL {reason}</source>
        <translation>Die URL für Zustellberichte {reason}</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>There are no recipients; add at least one.</source>
        <translation>Es gibt keine Empfänger; fügen Sie mindestens einen hinzu.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Row {row} has neither a phone number nor an e-mail address; add one.</source>
        <translation>Zeile {row} hat weder eine Telefonnummer noch eine E-Mail-Adresse; fügen Sie eine hinzu.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Row {row} has the same message ID as row {first}; message IDs must be unique, so change or clear it.</source>
        <translation>Zeile {row} hat dieselbe Nachrichten-ID wie Zeile {first}; Nachrichten-IDs müssen eindeutig sein, ändern oder löschen Sie sie also.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Row {row}, {raw}: {reason}</source>
        <translation>Zeile {row}, {raw}: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Row {row}, {raw}: {note}</source>
        <translation>Zeile {row}, {raw}: {note}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Row {row} repeats the phone number of row {first}; remove one or the number gets the message twice.</source>
        <translation>Zeile {row} wiederholt die Telefonnummer aus Zeile {first}; entfernen Sie eine, sonst erhält die Nummer die Nachricht zweimal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Row {row} repeats the e-mail address of row {first}; remove one or the address gets the message twice.</source>
        <translation>Zeile {row} wiederholt die E-Mail-Adresse aus Zeile {first}; entfernen Sie eine, sonst erhält die Adresse die Nachricht zweimal.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{channel} is not in the scenario&apos;s flow and will not be sent.</source>
        <translation>{channel} ist nicht im Ablauf des Szenarios und wird nicht gesendet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>None of the channels with content is in the scenario&apos;s flow, so nothing would be sent; write the content for its channels or pick another scenario.</source>
        <translation>Keiner der Kanäle mit Inhalt ist im Ablauf des Szenarios, es würde also nichts gesendet; schreiben Sie den Inhalt für dessen Kanäle oder wählen Sie ein anderes Szenario.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The {channel} {field} has {n} items; keep at most {limit}.</source>
        <translation>{channel}, {field}: {n} Einträge; behalten Sie höchstens {limit}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The {channel} {field} is {n}; use a number from {least} to {most}.</source>
        <translation>{channel}, {field}: {n}; verwenden Sie eine Zahl von {least} bis {most}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The {channel} {field} has {n} characters; shorten it to {limit}.</source>
        <translation>{channel}, {field}: {n} Zeichen; kürzen Sie auf {limit}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The {channel} {field} {reason}</source>
        <translation>{channel}, {field}: {reason}</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The {channel} {field} is empty; fill it in or clear {channel}.</source>
        <translation>{channel}, {field}: leer; füllen Sie das Feld aus oder leeren Sie {channel}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/channels.py" line="+245"/>
        <source>The Viber button has text but no URL; add the URL or clear the button text.</source>
        <translation>Der Viber-Button hat einen Text, aber keine URL; fügen Sie die URL hinzu oder löschen Sie den Button-Text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Viber button has a URL but no text; add the text or clear the button URL.</source>
        <translation>Der Viber-Button hat eine URL, aber keinen Text; fügen Sie den Text hinzu oder löschen Sie die Button-URL.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/validation.py" line="-44"/>
        <source>The scenario tries {channel}, but it has no content, so that step is skipped; write it to use {channel}.</source>
        <translation>Das Szenario versucht {channel}, aber dafür gibt es keinen Inhalt, also wird dieser Schritt übersprungen; schreiben Sie ihn, um {channel} zu nutzen.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The SMS needs {n} parts; the limit is {limit}, so shorten the text.</source>
        <translation>Die SMS braucht {n} Teile; das Limit ist {limit}, kürzen Sie also den Text.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The SMS needs {n} bytes; the limit is {limit}, so shorten the text.</source>
        <translation>Die SMS braucht {n} Byte; das Limit ist {limit}, kürzen Sie also den Text.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The {channel} validity period is a number of {digits} digits, far beyond any the platform takes; use at most {most}.</source>
        <translation>Die Gültigkeitsdauer für {channel} ist eine Zahl mit {digits} Ziffern, weit über allem, was die Plattform annimmt; verwenden Sie höchstens {most}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The {channel} validity period must be more than zero; use at least {least}.</source>
        <translation>Die Gültigkeitsdauer für {channel} muss größer als null sein; verwenden Sie mindestens {least}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The {channel} validity period is {given}; it must be at least {least}.</source>
        <translation>Die Gültigkeitsdauer für {channel} ist {given}; sie muss mindestens {least} betragen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The {channel} validity period of {given} is over the platform&apos;s limit; it is sent as {most}.</source>
        <translation>Die Gültigkeitsdauer für {channel} von {given} liegt über dem Limit der Plattform; gesendet wird {most}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>has spaces in it; remove them.</source>
        <translation>enthält Leerzeichen; entfernen Sie sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a tel: link to a number.</source>
        <translation>ist kein tel:-Link zu einer Nummer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not a valid web address.</source>
        <translation>ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must start with https:// or http://.</source>
        <translation>muss mit https:// oder http:// beginnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has no host name after the //.</source>
        <translation>hat keinen Hostnamen nach //.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/sandbox/process.py" line="+87"/>
        <source>The sandbox could not be started: {reason}.</source>
        <translation>Die Sandbox konnte nicht gestartet werden: {reason}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The sandbox did not start within {n:g} seconds.</source>
        <translation>Die Sandbox ist nicht innerhalb von {n:g} Sekunden gestartet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sandbox stopped as it started; the log folder has its error.</source>
        <translation>Die Sandbox hat sich beim Start beendet; der Fehler steht im Protokollordner.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/accounts.py" line="+27"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="-7"/>
        <source>the API key</source>
        <translation>den API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="+5"/>
        <source>the password</source>
        <translation>das Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="+2"/>
        <source>the IBSSO token</source>
        <translation>das IBSSO-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="+1"/>
        <source>the access token</source>
        <translation>das Zugriffstoken</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter {noun}; it is kept in the system keyring.</source>
        <translation>Geben Sie {noun} ein; die Angabe wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key</source>
        <translation>den Schlüssel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Its key could not be moved to the new name ({reason}); enter it again.</source>
        <translation>Der Schlüssel konnte nicht unter den neuen Namen verschoben werden ({reason}); geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key is in the system keyring.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+116"/>
        <source>The built-in sandbox is not running now, so this send&apos;s status cannot be checked.</source>
        <translation>Die integrierte Sandbox läuft gerade nicht, daher kann der Status dieser Sendung nicht geprüft werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The account “{name}” is not available now (it was removed, or its key is not at hand), so this send&apos;s status cannot be checked.</source>
        <translation>Das Konto „{name}“ ist gerade nicht verfügbar (es wurde entfernt oder sein Schlüssel fehlt), daher kann der Status dieser Sendung nicht geprüft werden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/preparing.py" line="+108"/>
        <source>The scenarios could not be loaded ({reason}); the draft goes as it is.</source>
        <translation>Die Szenarien konnten nicht geladen werden ({reason}); der Entwurf wird unverändert gesendet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The account has no scenario with the key {key}; use the key of one of its scenarios.</source>
        <translation>Das Konto hat kein Szenario mit dem Schlüssel {key}; verwenden Sie den Schlüssel eines seiner Szenarien.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account has no default scenario; the draft goes as it is.</source>
        <translation>Das Konto hat kein Standardszenario; der Entwurf wird unverändert gesendet.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/sending.py" line="+36"/>
        <source>An unexpected error stopped the send ({name}); the message may or may not have been sent: use Check status before sending it again.</source>
        <translation>Ein unerwarteter Fehler hat den Versand abgebrochen ({name}); die Nachricht wurde möglicherweise gesendet: Verwenden Sie „Status prüfen“, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/targets.py" line="+80"/>
        <location filename="../../omni_desktop/storage/profiles.py" line="+55"/>
        <source>The sign-in method must be App, Basic, IBSSO or Bearer, not {scheme!r}.</source>
        <translation>Das Anmeldeverfahren muss App, Basic, IBSSO oder Bearer sein, nicht {scheme!r}.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No API key: set INFOBIP_API_KEY to the account&apos;s API key.</source>
        <translation>Kein API-Schlüssel: Setzen Sie INFOBIP_API_KEY auf den API-Schlüssel des Kontos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the key in INFOBIP_API_KEY</source>
        <translation>dem Schlüssel aus INFOBIP_API_KEY</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no account named {name!r} (accounts: {names}).</source>
        <translation>Es gibt kein Konto namens {name!r} (Konten: {names}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the key of {name} from the keyring</source>
        <translation>dem Schlüssel von {name} aus dem Schlüsselbund</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{problem} The key of {name} cannot be read.</source>
        <translation>{problem} Der Schlüssel von {name} kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>INFOBIP_API_KEY (no key of {name} is in the keyring)</source>
        <translation>INFOBIP_API_KEY (kein Schlüssel von {name} im Schlüsselbund)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No key is stored for {name}: enter it in Account &gt; Accounts….</source>
        <translation>Für {name} ist kein Schlüssel gespeichert: Geben Sie ihn unter Konto &gt; Konten… ein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Or set INFOBIP_API_KEY to the account&apos;s key.</source>
        <translation>Oder setzen Sie INFOBIP_API_KEY auf den Schlüssel des Kontos.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/autosave.py" line="+88"/>
        <source>The draft could not be saved automatically to {folder}: {reason}. It is still open in the window; save it with Save As to another folder, or free some disk space.</source>
        <translation>Der Entwurf konnte nicht automatisch in {folder} gespeichert werden: {reason}. Er ist im Fenster noch geöffnet; speichern Sie ihn mit „Speichern unter“ in einem anderen Ordner oder schaffen Sie Speicherplatz.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+50"/>
        <source>The autosave copy in {folder} could not be removed: {reason}.</source>
        <translation>Die automatisch gespeicherte Kopie in {folder} konnte nicht entfernt werden: {reason}.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The autosaved draft in {folder} could not be moved aside ({error}) and was not restored: {reason}</source>
        <translation>Der automatisch gespeicherte Entwurf in {folder} konnte nicht beiseitegelegt werden ({error}) und wurde nicht wiederhergestellt: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The autosaved draft was kept as {aside} and not restored: {reason}</source>
        <translation>Der automatisch gespeicherte Entwurf wurde als {aside} aufbewahrt und nicht wiederhergestellt: {reason}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/drafts.py" line="+92"/>
        <source>it holds a value JSON cannot hold</source>
        <translation>er enthält einen Wert, den JSON nicht darstellen kann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The draft cannot be saved as it is: {problem}</source>
        <translation>Der Entwurf kann so nicht gespeichert werden: {problem}</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>The draft could not be saved to {path}: {reason}. It is still open; choose another folder with Save As, or free some disk space.</source>
        <translation>Der Entwurf konnte nicht unter {path} gespeichert werden: {reason}. Er ist noch geöffnet; wählen Sie mit „Speichern unter“ einen anderen Ordner oder schaffen Sie Speicherplatz.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{name} is {size} MB, far more than any draft (100,000 recipients take about 10 MB), so it is not opened.</source>
        <translation>{name} ist {size} MB groß, weit mehr als jeder Entwurf (100.000 Empfänger belegen etwa 10 MB), daher wird die Datei nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a text file, so it is not a draft.</source>
        <translation>{path} ist keine Textdatei und daher kein Entwurf.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/scenarios.py" line="+107"/>
        <source>the scenario list went on past {pages} pages</source>
        <translation>die Szenarioliste ging über {pages} Seiten hinaus</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>The scenario has %n problem(s); nothing was sent.</source>
        <translation>
            <numerusform>Das Szenario hat %n Problem; nichts wurde gesendet.</numerusform>
            <numerusform>Das Szenario hat %n Probleme; nichts wurde gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The request went out but no answer came back ({reason}), and the scenarios could not be reloaded to check ({check}); reload them before saving again.</source>
        <translation>Die Anfrage ging hinaus, aber keine Antwort kam zurück ({reason}), und die Szenarien konnten zur Prüfung nicht neu geladen werden ({check}); laden Sie sie neu, bevor Sie erneut speichern.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The answer was lost, but the reloaded list shows the scenario was saved: {saved}</source>
        <translation>Die Antwort ging verloren, aber die neu geladene Liste zeigt, dass das Szenario gespeichert wurde: {saved}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer was lost, and the reloaded list does not have the scenario, so it was not saved; it is safe to save it again.</source>
        <translation>Die Antwort ging verloren, und die neu geladene Liste enthält das Szenario nicht, es wurde also nicht gespeichert; Sie können es gefahrlos erneut speichern.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved the scenario {name!r} with the key {key}.</source>
        <translation>Das Szenario {name!r} wurde mit dem Schlüssel {key} gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The API allows {count} new scenarios per {minutes} minutes</source>
        <translation>Die API erlaubt {count} neue Szenarien pro {minutes} Minuten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API allows {count} scenario changes per {minutes} minutes</source>
        <translation>Die API erlaubt {count} Szenarioänderungen pro {minutes} Minuten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>try again in a few minutes</source>
        <translation>versuchen Sie es in einigen Minuten erneut</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>try again in %n second(s)</source>
        <translation>
            <numerusform>versuchen Sie es in %n Sekunde erneut</numerusform>
            <numerusform>versuchen Sie es in %n Sekunden erneut</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>try again in %n minute(s)</source>
        <translation>
            <numerusform>versuchen Sie es in %n Minute erneut</numerusform>
            <numerusform>versuchen Sie es in %n Minuten erneut</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} is bigger than {kib} KiB, far more than a scenario.</source>
        <translation>{name} ist größer als {kib} KiB, weit mehr als ein Szenario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is not UTF-8 text, so it is not a scenario.</source>
        <translation>{name} ist kein UTF-8-Text und damit kein Szenario.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/drafts.py" line="-28"/>
        <source>{path} could not be opened: {reason}.</source>
        <translation>{path} konnte nicht geöffnet werden: {reason}.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>{path} is too big to open with the memory there is.</source>
        <translation>{path} ist zu groß, um mit dem verfügbaren Arbeitsspeicher geöffnet zu werden.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation>{name} ist kein gültiges JSON (Zeile {line}, Spalte {column}: {reason}).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{name} is not an OMNI request: {reason}</source>
        <translation>{name} ist keine OMNI-Anfrage: {reason}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/instance.py" line="+50"/>
        <source>The app&apos;s lock file {path} could not be opened: {reason}.</source>
        <translation>Die Sperrdatei der App, {path}, konnte nicht geöffnet werden: {reason}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (process {pid})</source>
        <translation> (Prozess {pid})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>omni-desktop is already open{who}. Use that window: two windows would share one send history and one autosaved draft.</source>
        <translation>omni-desktop ist bereits geöffnet{who}. Verwenden Sie jenes Fenster: Zwei Fenster würden sich einen Sendeverlauf und einen automatisch gespeicherten Entwurf teilen.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The send&apos;s lock file {path} could not be opened: {reason}.</source>
        <translation>Die Sperrdatei der Sendung, {path}, konnte nicht geöffnet werden: {reason}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Another process holds the lock file {path} of this send; close the other omni-desktop and send again.</source>
        <translation>Ein anderer Prozess hält die Sperrdatei {path} dieser Sendung; schließen Sie das andere omni-desktop und senden Sie erneut.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/outbox.py" line="+64"/>
        <source>The app stopped before the server&apos;s answer arrived, so the message may or may not have been sent; use Check status before sending again.</source>
        <translation>Die App wurde beendet, bevor die Antwort des Servers eintraf; die Nachricht wurde also möglicherweise gesendet. Verwenden Sie „Status prüfen“, bevor Sie erneut senden.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>be read</source>
        <translation>nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>record the send before sending it, so nothing was sent</source>
        <translation>die Sendung nicht vor dem Senden verzeichnen, daher wurde nichts gesendet</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Request {seq} of campaign #{id} was started before; it is not sent again.</source>
        <translation>Anfrage {seq} der Kampagne #{id} wurde schon einmal gestartet; sie wird nicht noch einmal gesendet.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>This request reuses the {what} of send #{id} in the history; the two could not be told apart, so send it with new IDs.</source>
        <translation>Diese Anfrage verwendet {what} von Sendung #{id} im Verlauf erneut; die beiden wären nicht zu unterscheiden, senden Sie sie daher mit neuen IDs.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>record the server&apos;s answer</source>
        <translation>die Antwort des Servers nicht verzeichnen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>record the failed send</source>
        <translation>die fehlgeschlagene Sendung nicht verzeichnen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>withdraw the request never posted</source>
        <translation>die nie gesendete Anfrage nicht zurückziehen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>record the delivery reports</source>
        <translation>die Zustellberichte nicht verzeichnen</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>mark the unanswered sends</source>
        <translation>die unbeantworteten Sendungen nicht markieren</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/outbox_db.py" line="+108"/>
        <source>another program is using the history file (database is locked)</source>
        <translation>ein anderes Programm verwendet die Verlaufsdatei (Datenbank gesperrt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the history file is damaged (it is not a database)</source>
        <translation>die Verlaufsdatei ist beschädigt (sie ist keine Datenbank)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the history file or its folder is read-only</source>
        <translation>die Verlaufsdatei oder ihr Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file cannot be opened there</source>
        <translation>die Datei kann dort nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk could not be read or written</source>
        <translation>der Datenträger konnte nicht gelesen oder beschrieben werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the history file is damaged</source>
        <translation>die Verlaufsdatei ist beschädigt</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+23"/>
        <source>The history at {path} could not {action}: {reason}.</source>
        <translation>Der Verlauf unter {path} konnte {action}: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+12"/>
        <source>be opened</source>
        <translation>nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The history at {path} is damaged and could not be moved aside ({reason}); move it away yourself, then start omni-desktop again.</source>
        <translation>Der Verlauf unter {path} ist beschädigt und konnte nicht beiseitegelegt werden ({reason}); verschieben Sie ihn selbst und starten Sie omni-desktop dann neu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The send history was damaged; it was kept as {aside} and a new, empty history was started, so earlier sends are not listed in History.</source>
        <translation>Der Sendeverlauf war beschädigt; er wurde als {aside} aufbewahrt und ein neuer, leerer Verlauf wurde angelegt. Frühere Sendungen erscheinen daher nicht im Verlauf.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The history at {path} was written by a newer omni-desktop (schema {found}, this one knows {known}); update omni-desktop to use it.</source>
        <translation>Der Verlauf unter {path} stammt von einem neueren omni-desktop (Schema {found}, diese Version kennt {known}); aktualisieren Sie omni-desktop, um ihn zu verwenden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/paths.py" line="+90"/>
        <source>The folder {folder} could not be created: {reason}.</source>
        <translation>Der Ordner {folder} konnte nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/profiles.py" line="-12"/>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Sandbox” is the built-in sandbox; choose another profile name.</source>
        <translation>„Sandbox“ ist die integrierte Sandbox; wählen Sie einen anderen Profilnamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A profile name is one line of at most 64 characters.</source>
        <translation>Ein Profilname ist eine Zeile mit höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Basic sign-in needs a username.</source>
        <translation>Die Basic-Anmeldung braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only Basic sign-in uses a username; clear it for this profile.</source>
        <translation>Nur die Basic-Anmeldung verwendet einen Benutzernamen; löschen Sie ihn für dieses Profil.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The default region is a two-letter country code such as HR, not {r!r}.</source>
        <translation>Die Standardregion ist ein Ländercode aus zwei Buchstaben wie HR, nicht {r!r}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a profile without a name</source>
        <translation>ein Profil ohne Namen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A profile named “{name}” exists already; choose another name.</source>
        <translation>Ein Profil namens „{name}“ gibt es bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/secrets.py" line="+45"/>
        <source>No system keyring is available ({reason}); the key can be kept in memory for this session only.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar ({reason}); der Schlüssel kann nur für diese Sitzung im Arbeitsspeicher gehalten werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>no keyring service was found on this system</source>
        <translation>auf diesem System wurde kein Schlüsselbund-Dienst gefunden</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>the keyring is switched off</source>
        <translation>der Schlüsselbund ist ausgeschaltet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the keyring refused: {name}</source>
        <translation>der Schlüsselbund hat abgelehnt: {name}</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+15"/>
        <source>The secret is empty: enter the API key, password or token.</source>
        <translation>Das Geheimnis ist leer: Geben Sie den API-Schlüssel, das Passwort oder das Token ein.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The secret of profile “{profile}” could not be removed from the system keyring ({reason}); remove it with the system&apos;s keyring tool.</source>
        <translation>Das Geheimnis des Profils „{profile}“ konnte nicht aus dem Schlüsselbund des Systems entfernt werden ({reason}); entfernen Sie es mit dem Schlüsselbund-Programm des Systems.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/settings.py" line="+74"/>
        <source>The active profile “{name}” does not exist.</source>
        <translation>Das aktive Profil „{name}“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The setting {name} must be between {low:g} and {high:g}.</source>
        <translation>Die Einstellung {name} muss zwischen {low:g} und {high:g} liegen.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The setting {name} had an unusable value, {value}; {default!r} is used.</source>
        <translation>Die Einstellung {name} hatte einen unbrauchbaren Wert, {value}; {default!r} wird verwendet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The settings file held a value named {key!r} that looks like a secret; it was left out, since secrets belong in the system keyring.</source>
        <translation>Die Einstellungsdatei enthielt einen Wert namens {key!r}, der wie ein Geheimnis aussieht; er wurde ausgelassen, denn Geheimnisse gehören in den Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The active profile “{name}” no longer exists; the sandbox is used.</source>
        <translation>Das aktive Profil „{name}“ existiert nicht mehr; die Sandbox wird verwendet.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The profiles in the settings file were unreadable and are left out.</source>
        <translation>Die Profile in der Einstellungsdatei waren unlesbar und werden ausgelassen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profile {n} in the settings file was unreadable.</source>
        <translation>Profil {n} in der Einstellungsdatei war unlesbar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile “{name}” was left out: {problems}</source>
        <translation>Das Profil „{name}“ wurde ausgelassen: {problems}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The settings file {path} could not be read ({reason}); the defaults are used.</source>
        <translation>Die Einstellungsdatei {path} konnte nicht gelesen werden ({reason}); die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The settings were upgraded from version {old} to version {new}.</source>
        <translation>Die Einstellungen wurden von Version {old} auf Version {new} aktualisiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The settings file was written by a newer omni-desktop (settings version {v}); the settings this version does not know are kept as they are.</source>
        <translation>Die Einstellungsdatei stammt von einem neueren omni-desktop (Einstellungsversion {v}); Einstellungen, die diese Version nicht kennt, bleiben unverändert erhalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The settings file {path} is damaged and could not be moved aside ({reason}); the defaults are used and saving the settings will replace it.</source>
        <translation>Die Einstellungsdatei {path} ist beschädigt und konnte nicht beiseitegelegt werden ({reason}); die Standardwerte werden verwendet, und beim Speichern der Einstellungen wird sie ersetzt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The settings file was damaged; it was kept as {aside} and the defaults are used.</source>
        <translation>Die Einstellungsdatei war beschädigt; sie wurde als {aside} aufbewahrt, und die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The settings could not be saved to {path}: {reason}.</source>
        <translation>Die Einstellungen konnten nicht unter {path} gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/dialog.py" line="+414"/>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="+26"/>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/models.py" line="-31"/>
        <source>Basic (username and password)</source>
        <translation>Basic (Benutzername und Passwort)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth bearer token</source>
        <translation>OAuth-Bearer-Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/dialog.py" line="-336"/>
        <location line="+14"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location line="+111"/>
        <location filename="../../omni_desktop/ui/scenarios/dialog.py" line="+312"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No accounts yet: press Add to add one.</source>
        <translation>Noch keine Konten: Klicken Sie auf „Hinzufügen“, um eines anzulegen.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The built-in sandbox is always available and needs no account.</source>
        <translation>Die eingebaute Sandbox ist immer verfügbar und braucht kein Konto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>•••• kept in memory for this session</source>
        <translation>•••• für diese Sitzung im Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>•••• stored</source>
        <translation>•••• gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stored in the system keyring</source>
        <translation>im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="+99"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add an account</source>
        <translation>Ein Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected account and delete its key from the keyring</source>
        <translation>Das ausgewählte Konto entfernen und seinen Schlüssel aus dem Schlüsselbund löschen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/form.py" line="+30"/>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account&apos;s API base URL, shown on the Infobip portal&apos;s home page</source>
        <translation>Die API-Basis-URL Ihres Kontos, angezeigt auf der Startseite des Infobip-Portals</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign-in method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept in the system keyring under the account&apos;s name, never in the settings file. Leave it empty to keep the one stored.</source>
        <translation>Wird unter dem Namen des Kontos im Schlüsselbund des Systems aufbewahrt, nie in der Einstellungsdatei. Leer lassen, um den gespeicherten Wert zu behalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. CH</source>
        <translation>z. B. CH</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional: the country of numbers without +country code</source>
        <translation>optional: das Land für Nummern ohne +Ländervorwahl</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/dialog.py" line="+339"/>
        <source>Enter the key of “{name}”, then Save.</source>
        <translation>Geben Sie den Schlüssel von „{name}“ ein und klicken Sie dann auf „Speichern“.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/form.py" line="-4"/>
        <source>Default region for national numbers</source>
        <translation>Standardregion für nationale Nummern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The country of phone numbers written without +country code, e.g. CH or HR</source>
        <translation>Das Land für Telefonnummern, die ohne +Ländervorwahl geschrieben sind, z. B. CH oder HR</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/dialog.py" line="-164"/>
        <location filename="../../omni_desktop/ui/accounts/form.py" line="+8"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/form.py" line="+1"/>
        <source>Ask the server for its scenarios with these settings</source>
        <translation>Mit diesen Einstellungen die Szenarien vom Server abfragen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gn-in:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Us&amp;ername:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Default region:</source>
        <translation>&amp;Standardregion:</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/dialog.py" line="-158"/>
        <source>Problems and results</source>
        <translation>Probleme und Ergebnisse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the account to the settings and its key to the keyring</source>
        <translation>Das Konto in die Einstellungen und seinen Schlüssel in den Schlüsselbund schreiben</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Nothing to save: press Add to add an account.</source>
        <translation>Nichts zu speichern: Klicken Sie auf „Hinzufügen“, um ein Konto anzulegen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/boxes.py" line="+22"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the account “{name}”?</source>
        <translation>Das Konto „{name}“ entfernen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its key is deleted from the system keyring. Its sends stay in the history.</source>
        <translation>Sein Schlüssel wird aus dem Schlüsselbund des Systems gelöscht. Seine Sendungen bleiben im Verlauf.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/dialog.py" line="+67"/>
        <source>Removed “{name}”.</source>
        <translation>„{name}“ entfernt.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Saved “{name}”. Its key is kept in memory for this session only; enter it again after the next start.</source>
        <translation>„{name}“ gespeichert. Der Schlüssel wird nur für diese Sitzung im Arbeitsspeicher gehalten; geben Sie ihn nach dem nächsten Start erneut ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved “{name}” without its key; enter the key again to use it.</source>
        <translation>„{name}“ ohne Schlüssel gespeichert; geben Sie den Schlüssel erneut ein, um das Konto zu verwenden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter {noun} to test the connection.</source>
        <translation>Geben Sie {noun} ein, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to {url}…</source>
        <translation>Verbindung zu {url} wird hergestellt…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connected: the server accepted the credentials.</source>
        <translation>Verbunden: Der Server hat die Anmeldedaten akzeptiert.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/accounts/boxes.py" line="+9"/>
        <location filename="../../omni_desktop/ui/window/drafts.py" line="+132"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The changes to “{name}” are not saved.</source>
        <translation>Die Änderungen an „{name}“ sind nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No keyring</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep the key of “{name}” in memory until omni-desktop quits? It is never written to a file.</source>
        <translation>Den Schlüssel von „{name}“ bis zum Beenden von omni-desktop im Arbeitsspeicher halten? Er wird nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/advanced_editor.py" line="+23"/>
        <source>Returned to you in delivery reports</source>
        <translation>Wird Ihnen in den Zustellberichten zurückgegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/problems_view.py" line="+62"/>
        <source>Callback data</source>
        <translation>Callback-Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send delivery reports</source>
        <translation>Zustellberichte senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partly checked: leave it to the platform (reports are sent).</source>
        <translation>Teilweise markiert: der Plattform überlassen (Berichte werden gesendet).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also send intermediate reports</source>
        <translation>Auch Zwischenberichte senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partly checked: leave it to the platform (off).</source>
        <translation>Teilweise markiert: der Plattform überlassen (aus).</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../omni_desktop/ui/problems_view.py" line="+1"/>
        <source>Notify URL</source>
        <translation>Benachrichtigungs-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your webhook that receives delivery reports.</source>
        <translation>Ihr Webhook, der die Zustellberichte empfängt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Callback data:</source>
        <translation>Callback-Daten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify URL:</source>
        <translation>Benachrichtigungs-URL:</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/channel_composer.py" line="+107"/>
        <source>Platform default (48 h)</source>
        <translation>Plattform-Standard (48 h)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../omni_desktop/ui/problems_view.py" line="+23"/>
        <source>{channel} validity period</source>
        <translation>Gültigkeitsdauer für {channel}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{channel} validity unit</source>
        <translation>Einheit der Gültigkeitsdauer für {channel}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/editors.py" line="+43"/>
        <location filename="../../omni_desktop/ui/problems_view.py" line="+6"/>
        <source>{channel} {field}</source>
        <translation>{channel}: {field}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{channel} message text</source>
        <translation>{channel}-Nachrichtentext</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>One item a line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+39"/>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/channel_composer.py" line="-19"/>
        <source>How long the platform tries this channel before it fails over to the next step. At least {least}; more than {most} is cut to {most}.</source>
        <translation>Wie lange die Plattform diesen Kanal versucht, bevor sie zum nächsten Schritt wechselt. Mindestens {least}; mehr als {most} wird auf {most} gekürzt.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The scenario&apos;s flow is not known yet: all content is sent.</source>
        <translation>Der Ablauf des Szenarios ist noch nicht bekannt: Alle Inhalte werden gesendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{channel} is not in the chosen scenario&apos;s flow: what you write here is kept in the draft but not sent.</source>
        <translation>{channel} ist nicht im Ablauf des gewählten Szenarios: Was Sie hier schreiben, bleibt im Entwurf, wird aber nicht gesendet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step {n} of the scenario&apos;s flow, sent from {sender}.</source>
        <translation>Schritt {n} im Ablauf des Szenarios, gesendet von {sender}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step {n} of the scenario&apos;s flow.</source>
        <translation>Schritt {n} im Ablauf des Szenarios.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{n:,} characters · about {time} to speak</source>
        <translation>{n:,} Zeichen · etwa {time} Sprechzeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n:,} characters</source>
        <translation>{n:,} Zeichen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{used:,} / {limit:,} characters</source>
        <translation>{used:,} / {limit:,} Zeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n:,} too many</source>
        <translation>{n:,} zu viel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>1 segment</source>
        <translation>1 Segment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} segments</source>
        <translation>{n} Segmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{encoding} · {chars:,} characters · {parts} · {left} left in this segment</source>
        <translation>{encoding} · {chars:,} Zeichen · {parts} · {left} frei in diesem Segment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>and {n} more</source>
        <translation>und {n} weitere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent as Unicode (UCS-2) because of {chars}.</source>
        <translation>Wird wegen {chars} als Unicode (UCS-2) gesendet.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/errors.py" line="+24"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside omni-desktop: {summary}</source>
        <translation>In omni-desktop ist ein Fehler aufgetreten: {summary}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your draft is still here. Save it, and report this with the details below.</source>
        <translation>Ihr Entwurf ist noch da. Speichern Sie ihn und melden Sie diesen Fehler mit den Details unten.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/format.py" line="+20"/>
        <source>Send again makes new message IDs; the earlier send keeps its own. Check its status first if its outcome is unknown.</source>
        <translation>Erneutes Senden erzeugt neue Nachrichten-IDs; der frühere Versand behält seine eigenen. Prüfen Sie zuerst dessen Status, wenn sein Ergebnis unbekannt ist.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/campaign_text.py" line="+25"/>
        <location filename="../../omni_desktop/ui/history/format.py" line="+55"/>
        <location filename="../../omni_desktop/ui/status/style.py" line="+41"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../omni_desktop/ui/history/format.py" line="+2"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../omni_desktop/ui/history/format.py" line="+6"/>
        <location filename="../../omni_desktop/ui/status/style.py" line="-6"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/history/format.py" line="+2"/>
        <location filename="../../omni_desktop/ui/status/style.py" line="+4"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../omni_desktop/ui/history/format.py" line="+1"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Campaign #{id}</source>
        <translation>Kampagne #{id}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paused — resumable</source>
        <translation>Angehalten — fortsetzbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{campaign} · {local} ({utc}) · {account} · {state}</source>
        <translation>{campaign} · {local} ({utc}) · {account} · {state}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{requests} to {recipients}: {counts}.</source>
        <translation>{requests} an {recipients}: {counts}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Messages: {counts}</source>
        <translation>Nachrichten: {counts}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>earlier</source>
        <translation>früher</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{campaign} · an earlier attempt of a request, planned again since</source>
        <translation>{campaign} · ein früherer Versuch einer Anfrage, seither neu geplant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{campaign} · request {n} of {count}</source>
        <translation>{campaign} · Anfrage {n} von {count}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/models.py" line="+49"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+43"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/models.py" line="+3"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+12"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="+2"/>
        <location line="+8"/>
        <location filename="../../omni_desktop/ui/history/requests.py" line="+31"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+38"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="-8"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="-5"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="-12"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Sent at</source>
        <translation>Gesendet am</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send state</source>
        <translation>Sendungsstatus</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../omni_desktop/services/importing.py" line="+309"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="+1"/>
        <location filename="../../omni_desktop/ui/recipients/model.py" line="+33"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+1"/>
        <source>Message ID</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="+2"/>
        <location filename="../../omni_desktop/ui/scenarios/models.py" line="+127"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+5"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="+1"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+1"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+8"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send</source>
        <comment>a send&apos;s number: the first column of a history export</comment>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The time range ends before it starts: swap the two times.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Vertauschen Sie die beiden Zeiten.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/models.py" line="-14"/>
        <source>Send / campaign</source>
        <translation>Sendung / Kampagne</translation>
    </message>
    <message>
        <location line="+62"/>
        <location filename="../../omni_desktop/ui/status/model.py" line="+136"/>
        <source>Sort by {column}</source>
        <translation>Nach {column} sortieren</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+60"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>{local} local time
{utc}</source>
        <translation>{local} Ortszeit
{utc}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A test send: one message to check the content, never counted in a campaign.</source>
        <translation>Eine Testsendung: eine Nachricht, um den Inhalt zu prüfen; sie zählt nie zu einer Kampagne.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It may or may not have been sent: use Check status.</source>
        <translation>Möglicherweise gesendet: Verwenden Sie „Status prüfen“.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Not heard of yet</source>
        <translation>Noch keine Rückmeldung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server has said nothing about this message yet.</source>
        <translation>Der Server hat zu dieser Nachricht noch nichts gemeldet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Heard {local} ({utc})</source>
        <translation>Rückmeldung {local} ({utc})</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+10"/>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="-6"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="+16"/>
        <source>Search: recipient, bulk or message ID, scenario, account, error or state</source>
        <translation>Suchen: Empfänger, Bulk- oder Nachrichten-ID, Szenario, Konto, Fehler oder Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the history</source>
        <translation>Den Verlauf durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part of a recipient, an ID, a scenario key, an account name or an error (Ctrl+F)</source>
        <translation>Teil eines Empfängers, einer ID, eines Szenario-Schlüssels, eines Kontonamens oder eines Fehlers (Strg+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of sends shown</source>
        <translation>Anzahl angezeigter Sendungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the history again (F5)</source>
        <translation>Den Verlauf neu einlesen (F5)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sends</source>
        <translation>Sendungen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the selected send, or the sends of a time range, as CSV or XLSX</source>
        <translation>Die ausgewählte Sendung oder die Sendungen eines Zeitraums als CSV oder XLSX speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The selected send…</source>
        <translation>Die ausgewählte Sendung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends of a time range…</source>
        <translation>Sendungen eines Zeitraums…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter &amp;key…</source>
        <translation>Schlüssel ein&amp;geben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this account in Accounts to enter its key</source>
        <translation>Dieses Konto unter „Konten“ öffnen, um seinen Schlüssel einzugeben</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>Fetching the delivery reports of campaign #{id}…</source>
        <translation>Die Zustellberichte der Kampagne #{id} werden abgerufen…</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/details.py" line="+114"/>
        <source>This request has not been sent yet: resume the campaign to send it.</source>
        <translation>Diese Anfrage wurde noch nicht gesendet: Setzen Sie die Kampagne fort, um sie zu senden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a request to see its messages, request and answer.</source>
        <translation>Wählen Sie eine Anfrage, um ihre Nachrichten, Anfrage und Antwort zu sehen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="+117"/>
        <source>This request goes again when its campaign is resumed, which checks it first.</source>
        <translation>Diese Anfrage geht erneut, wenn ihre Kampagne fortgesetzt wird; diese prüft sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/details.py" line="-79"/>
        <source>The selected send</source>
        <translation>Die ausgewählte Sendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fetch delivery reports</source>
        <translation>Zustell&amp;berichte abrufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch the delivery reports waiting at the API for this campaign&apos;s messages</source>
        <translation>Die Zustellberichte abrufen, die bei der API für die Nachrichten dieser Kampagne bereitliegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requests of the campaign</source>
        <translation>Anfragen der Kampagne</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Send details</source>
        <translation>Details der Sendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages of the send</source>
        <translation>Nachrichten der Sendung</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../omni_desktop/ui/request_preview.py" line="+139"/>
        <source>Request JSON</source>
        <translation>Anfrage-JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/exporting.py" line="+32"/>
        <source>Cannot export to “{name}”: choose a name ending in .csv or .xlsx.</source>
        <translation>Export nach „{name}“ nicht möglich: Wählen Sie einen Namen, der auf .csv oder .xlsx endet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../omni_desktop/ui/history/details.py" line="-2"/>
        <location filename="../../omni_desktop/ui/history/requests.py" line="-1"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+59"/>
        <source>Could not save {path}: {reason}.</source>
        <translation>{path} konnte nicht gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/details.py" line="+1"/>
        <location filename="../../omni_desktop/ui/history/requests.py" line="-4"/>
        <location filename="../../omni_desktop/ui/window/window.py" line="+120"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="-413"/>
        <location line="+395"/>
        <source>Check &amp;status</source>
        <translation>&amp;Status prüfen</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>Ask the server&apos;s logs what became of this send&apos;s messages</source>
        <translation>In den Logs des Servers nachsehen, was aus den Nachrichten dieser Sendung wurde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open as new &amp;draft</source>
        <translation>Als neuen &amp;Entwurf öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this send&apos;s content in the composer, without its IDs, to edit and send</source>
        <translation>Den Inhalt dieser Sendung ohne ihre IDs im Editor öffnen, um ihn zu bearbeiten und zu senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send &amp;again…</source>
        <translation>Er&amp;neut senden…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message numerus="yes">
        <location line="+201"/>
        <source>%n delivery report(s) fetched.</source>
        <translation>
            <numerusform>%n Zustellbericht abgerufen.</numerusform>
            <numerusform>%n Zustellberichte abgerufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Saved %n message(s) to {path}.</source>
        <translation>
            <numerusform>%n Nachricht in {path} gespeichert.</numerusform>
            <numerusform>%n Nachrichten in {path} gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Asking the server&apos;s logs about send #{id}…</source>
        <translation>Die Logs des Servers zu Sendung #{id} werden abgefragt…</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Send #{id} was opened as a new draft.</source>
        <translation>Sendung #{id} wurde als neuer Entwurf geöffnet.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/widgets.py" line="+59"/>
        <source>Send again?</source>
        <translation>Erneut senden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The outcome of send #{id} is unknown: its messages may already have been delivered. Send it again anyway?</source>
        <translation>Das Ergebnis von Sendung #{id} ist unbekannt: Ihre Nachrichten wurden möglicherweise schon zugestellt. Trotzdem erneut senden?</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/presenter.py" line="+153"/>
        <source>That campaign is no longer in the history.</source>
        <translation>Diese Kampagne ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+24"/>
        <location line="+10"/>
        <source>That send is no longer in the history.</source>
        <translation>Diese Sendung ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/format.py" line="+13"/>
        <source>Settled from the logs: {counts}.</source>
        <translation>Aus den Logs geklärt: {counts}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server has this send; not every message is final yet ({counts}). Check again later.</source>
        <translation>Der Server kennt diese Sendung; noch sind nicht alle Nachrichten abgeschlossen ({counts}). Prüfen Sie später erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The logs show none of this send&apos;s messages yet, so its outcome is still unknown. Check again in a minute before sending again.</source>
        <translation>Die Logs zeigen noch keine Nachricht dieser Sendung, ihr Ergebnis ist also weiterhin unbekannt. Prüfen Sie in einer Minute erneut, bevor Sie noch einmal senden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send #{id}</source>
        <translation>Sendung #{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test send #{id}</source>
        <translation>Testsendung #{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test send #{id} of campaign #{campaign}</source>
        <translation>Testsendung #{id} der Kampagne #{campaign}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{send} · {local} ({utc}) · {account} · {outcome}</source>
        <translation>{send} · {local} ({utc}) · {account} · {outcome}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/presenter.py" line="+3"/>
        <source>Send #{id} could not be read back as a draft.</source>
        <translation>Sendung #{id} konnte nicht als Entwurf eingelesen werden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="+96"/>
        <source>The newest {n} sends; search to find older ones.</source>
        <translation>Die neuesten {n} Sendungen; suchen Sie, um ältere zu finden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 send</source>
        <translation>1 Sendung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} sends</source>
        <translation>{n} Sendungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No send matches “{search}”.</source>
        <translation>Keine Sendung passt zu „{search}“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sends yet. Every send is listed here with its request and answer.</source>
        <translation>Noch keine Sendungen. Jede Sendung erscheint hier mit ihrer Anfrage und Antwort.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Select a send to see its messages, request and answer.</source>
        <translation>Wählen Sie eine Sendung, um ihre Nachrichten, Anfrage und Antwort zu sehen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/format.py" line="+27"/>
        <source>No answer has arrived for this send.</source>
        <translation>Für diese Sendung ist keine Antwort eingetroffen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/dialog.py" line="+6"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/banner.py" line="+22"/>
        <source>Active target</source>
        <translation>Aktives Ziel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sends go to the built-in test server at {url}. Nothing reaches a real phone or inbox; delivery is simulated.</source>
        <translation>Sendungen gehen an den integrierten Testserver unter {url}. Nichts erreicht ein echtes Telefon oder Postfach; die Zustellung wird simuliert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Account: {name}</source>
        <translation>Konto: {name}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/models.py" line="-240"/>
        <location filename="../../omni_desktop/ui/history/requests.py" line="+3"/>
        <location filename="../../omni_desktop/ui/problems_view.py" line="-32"/>
        <location filename="../../omni_desktop/ui/recipients/editor.py" line="+147"/>
        <location filename="../../omni_desktop/ui/window/window.py" line="+54"/>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="-44"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="-1"/>
        <location filename="../../omni_desktop/ui/scenario_picker.py" line="+35"/>
        <location filename="../../omni_desktop/ui/window/window.py" line="+63"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/window.py" line="-120"/>
        <source>Status, problems and request</source>
        <translation>Status, Probleme und Anfrage</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivery reports and callback data</source>
        <translation>Zustellberichte und Callback-Daten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show delivery report options</source>
        <translation>Optionen für Zustellberichte anzeigen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check and send this message (Ctrl+Enter)</source>
        <translation>Diese Nachricht prüfen und senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message numerus="yes">
        <location line="+239"/>
        <source>%n send(s) from an earlier session never got an answer, so their outcome is unknown. They were not sent again: open File &gt; History and use Check status before sending anything twice.</source>
        <translation>
            <numerusform>%n Versand aus einer früheren Sitzung bekam nie eine Antwort, sein Ergebnis ist daher unbekannt. Er wurde nicht erneut gesendet: Öffnen Sie Datei &gt; Verlauf und verwenden Sie Status prüfen, bevor Sie etwas doppelt senden.</numerusform>
            <numerusform>%n Versände aus einer früheren Sitzung bekamen nie eine Antwort, ihr Ergebnis ist daher unbekannt. Sie wurden nicht erneut gesendet: Öffnen Sie Datei &gt; Verlauf und verwenden Sie Status prüfen, bevor Sie etwas doppelt senden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+6"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="+9"/>
        <location filename="../../omni_desktop/ui/status/export.py" line="+32"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="-12"/>
        <location filename="../../omni_desktop/ui/window/window.py" line="-349"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/problems_view.py" line="+118"/>
        <location filename="../../omni_desktop/ui/window/sending.py" line="+138"/>
        <location filename="../../omni_desktop/ui/window/window.py" line="+1"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/window.py" line="+142"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+64"/>
        <location filename="../../omni_desktop/ui/window/accounts.py" line="+132"/>
        <location filename="../../omni_desktop/ui/window/window.py" line="+3"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/actions.py" line="+54"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new draft</source>
        <translation>Einen neuen Entwurf beginnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a draft (*.omni.json)</source>
        <translation>Einen Entwurf öffnen (*.omni.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft</source>
        <translation>Den Entwurf speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft under another name</source>
        <translation>Den Entwurf unter einem anderen Namen speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import recipients…</source>
        <translation>Empfänger &amp;importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add recipients from a spreadsheet (.csv, .xlsx, .ods…)</source>
        <translation>Empfänger aus einer Tabellendatei hinzufügen (.csv, .xlsx, .ods…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close omni-desktop</source>
        <translation>omni-desktop schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send…</source>
        <translation>&amp;Senden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check and send this message</source>
        <translation>Diese Nachricht prüfen und senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh scenarios</source>
        <translation>Szenarien &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload the scenarios</source>
        <translation>Die Szenarien neu laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;cenarios…</source>
        <translation>S&amp;zenarien…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send a &amp;test…</source>
        <translation>&amp;Test senden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message as one row reads to an address you type, marked as a test</source>
        <translation>Die Nachricht, wie sie für eine Zeile lautet, an eine eingegebene Adresse senden, als Test markiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholder &amp;fallbacks…</source>
        <translation>&amp;Ersatzwerte für Platzhalter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text a {{Field}} placeholder becomes in rows that leave it empty</source>
        <translation>Der Text, zu dem ein {{Field}}-Platzhalter in Zeilen wird, die ihn leer lassen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next channel tab</source>
        <translation>Nächster Kanal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous channel tab</source>
        <translation>Vorheriger Kanal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About omni-desktop</source>
        <translation>Ü&amp;ber omni-desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every send with its outcome; check status, open or send again</source>
        <translation>Jede Sendung mit ihrem Ergebnis; Status prüfen, öffnen oder erneut senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add or change Infobip accounts and their keys</source>
        <translation>Infobip-Konten und ihre Schlüssel hinzufügen oder ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sandbox&apos;s default &amp;country…</source>
        <translation>Standard&amp;land der Sandbox…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the sandbox reads phone numbers written without their country code</source>
        <translation>Wie die Sandbox Telefonnummern liest, die ohne Ländervorwahl geschrieben sind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the folder with omni-desktop&apos;s log files</source>
        <translation>Den Ordner mit den Protokolldateien von omni-desktop anzeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;ccount</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/drafts.py" line="-57"/>
        <source>The draft could not be opened</source>
        <translation>Der Entwurf konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened {name}</source>
        <translation>{name} geöffnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The draft was not saved</source>
        <translation>Der Entwurf wurde nicht gespeichert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/sending.py" line="+2"/>
        <source>Problems ({n})</source>
        <translation>Probleme ({n})</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>counting the segments of every row…</source>
        <translation>Segmente aller Zeilen werden gezählt …</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>per row {span}, {total:,} in all</source>
        <translation>je Zeile {span}, {total:,} insgesamt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not in the scenario&apos;s flow: this content is not sent.</source>
        <translation>Nicht im Ablauf des Szenarios: Dieser Inhalt wird nicht gesendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step {n} of the flow</source>
        <translation>Schritt {n} des Ablaufs</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>(+%n more in Problems)</source>
        <translation>
            <numerusform>(+%n weiteres unter Probleme)</numerusform>
            <numerusform>(+%n weitere unter Probleme)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add recipients and write the message; Send checks the whole draft.</source>
        <translation>Fügen Sie Empfänger hinzu und schreiben Sie die Nachricht; Senden prüft den ganzen Entwurf.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Ready to send to %n recipient(s) via {channels}.</source>
        <translation>
            <numerusform>Bereit zum Senden an %n Empfänger über {channels}.</numerusform>
            <numerusform>Bereit zum Senden an %n Empfänger über {channels}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n Warnung.</numerusform>
            <numerusform>%n Warnungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending… the request cannot be cancelled once written.</source>
        <translation>Wird gesendet… Die Anfrage kann nach dem Absenden nicht mehr abgebrochen werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Sent: %n message(s) accepted, bulk {bulk}.</source>
        <translation>
            <numerusform>Gesendet: %n Nachricht angenommen, Bulk {bulk}.</numerusform>
            <numerusform>Gesendet: %n Nachrichten angenommen, Bulk {bulk}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Counting the campaign&apos;s requests and segments…</source>
        <translation>Anfragen und Segmente der Kampagne werden gezählt …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The draft changed while its campaign was counted; press Send again.</source>
        <translation>Der Entwurf hat sich beim Zählen der Kampagne geändert; klicken Sie erneut auf Senden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/drafts.py" line="+227"/>
        <source>Open draft</source>
        <translation>Entwurf öffnen</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save draft as</source>
        <translation>Entwurf speichern unter</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>The draft has changes that are not saved.</source>
        <translation>Der Entwurf hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them first?</source>
        <translation>Zuerst speichern?</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/actions.py" line="+25"/>
        <source>About omni-desktop</source>
        <translation>Über omni-desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compose and send Infobip OMNI failover messages.</source>
        <translation>Infobip-OMNI-Failover-Nachrichten verfassen und senden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/accounts.py" line="-87"/>
        <source>Sandbox (built-in, nothing is delivered)</source>
        <translation>Sandbox (integriert, nichts wird zugestellt)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A send is in progress; switch after its answer.</source>
        <translation>Eine Sendung läuft; wechseln Sie nach ihrer Antwort.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sandbox&apos;s default country</source>
        <translation>Standardland der Sandbox</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The default country could not be kept</source>
        <translation>Das Standardland konnte nicht übernommen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sandbox reads numbers without a country code as {country}&apos;s.</source>
        <translation>Die Sandbox liest Nummern ohne Ländervorwahl als Nummern aus {country}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sandbox now needs every number with its country code.</source>
        <translation>Die Sandbox braucht jetzt jede Nummer mit ihrer Ländervorwahl.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account could not be used</source>
        <translation>Das Konto konnte nicht verwendet werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Now sending through {name}.</source>
        <translation>Gesendet wird jetzt über {name}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/window.py" line="+173"/>
        <source>Opened a copy of the earlier send as a new draft.</source>
        <translation>Eine Kopie der früheren Sendung wurde als neuer Entwurf geöffnet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loaded for sending again: new message IDs are made when you send; the earlier send keeps its own.</source>
        <translation>Zum erneuten Senden geladen: Beim Senden werden neue Nachrichten-IDs erzeugt; die frühere Sendung behält ihre eigenen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/drafts.py" line="+103"/>
        <source>Not autosaved: {reason}</source>
        <translation>Nicht automatisch gespeichert: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Autosaved {time}</source>
        <translation>Automatisch gespeichert {time}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/window.py" line="+29"/>
        <source>At start-up</source>
        <translation>Beim Start</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/window/drafts.py" line="+11"/>
        <source>Autosaved draft</source>
        <translation>Automatisch gespeicherter Entwurf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore draft?</source>
        <translation>Entwurf wiederherstellen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>omni-desktop did not close normally last time.</source>
        <translation>omni-desktop wurde beim letzten Mal nicht normal beendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the draft autosaved at {time}?</source>
        <translation>Den um {time} automatisch gespeicherten Entwurf wiederherstellen?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The autosaved draft is back.</source>
        <translation>Der automatisch gespeicherte Entwurf ist wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/presenter.py" line="+212"/>
        <source>A send is in progress; wait for its answer.</source>
        <translation>Eine Sendung läuft; warten Sie auf ihre Antwort.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/presenter.py" line="+428"/>
        <location filename="../../omni_desktop/ui/presenter.py" line="+2"/>
        <source>Still connecting; send again in a moment.</source>
        <translation>Die Verbindung wird noch hergestellt; senden Sie gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/presenter.py" line="+256"/>
        <source>Cannot send: {problem}</source>
        <translation>Senden nicht möglich: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot send: {problem} (and {n} more problems)</source>
        <translation>Senden nicht möglich: {problem} (und {n} weitere Probleme)</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/test_send.py" line="+73"/>
        <source>The message has no text yet.</source>
        <translation>Die Nachricht hat noch keinen Text.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Send a test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends the message as it reads for one recipient row to the address you type, and to no one else. History marks it as a test; it is never counted in a campaign.</source>
        <translation>Sendet die Nachricht, wie sie für eine Empfängerzeile lautet, an die eingegebene Adresse und an niemanden sonst. Der Verlauf kennzeichnet sie als Test; sie zählt nie zu einer Kampagne.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A phone number (+41 79 123 45 67) or an e-mail address</source>
        <translation>Eine Telefonnummer (+41 79 123 45 67) oder eine E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test address</source>
        <translation>Testadresse</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>(no recipient row: placeholders use the fallbacks)</source>
        <translation>(keine Empfängerzeile: Platzhalter erhalten die Ersatzwerte)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Sending the test message to {to}…</source>
        <translation>Die Testnachricht wird an {to} gesendet…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The test message was not sent.</source>
        <translation>Die Testnachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/presenter.py" line="-221"/>
        <source>{channel} from {sender}, tried for {time}</source>
        <translation>{channel} von {sender}, versucht für {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the scenario&apos;s sender</source>
        <translation>dem Absender des Szenarios</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Something went wrong while showing the send ({name}); see History.</source>
        <translation>Beim Anzeigen der Sendung ist ein Fehler aufgetreten ({name}); siehe Verlauf.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/problems_view.py" line="-123"/>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message ID</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send time</source>
        <translation>Sendezeitpunkt</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+26"/>
        <source>Row {row}</source>
        <translation>Zeile {row}</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Row {row}, {field}</source>
        <translation>Zeile {row}, {field}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>{n} Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} warnings</source>
        <translation>{n} Warnungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Problem count</source>
        <translation>Anzahl der Probleme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors stop the send; warnings do not</source>
        <translation>Fehler verhindern das Senden, Warnungen nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click a problem or press Enter to go to its field</source>
        <translation>Doppelklicken Sie auf ein Problem oder drücken Sie die Eingabetaste, um zu seinem Feld zu gehen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/importing.py" line="-174"/>
        <source>The header row {row} is outside the first rows (1 to {last}).</source>
        <translation>Die Kopfzeile {row} liegt außerhalb der ersten Zeilen (1 bis {last}).</translation>
    </message>
    <message>
        <location line="+71"/>
        <location filename="../../omni_desktop/ui/importing/presenter.py" line="+217"/>
        <location line="+86"/>
        <source>The import was cancelled; nothing was added.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“{kind}” is not a column kind; use phone, email or messageId.</source>
        <translation>„{kind}“ ist keine Spaltenart; verwenden Sie phone, email oder messageId.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no column “{name}”; the columns are: {names}.</source>
        <translation>Es gibt keine Spalte „{name}“; die Spalten sind: {names}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The header row {row} is outside the sheet (rows 1 to {last}).</source>
        <translation>Die Kopfzeile {row} liegt außerhalb des Blatts (Zeilen 1 bis {last}).</translation>
    </message>
    <message>
        <location line="+39"/>
        <location filename="../../omni_desktop/ui/recipients/model.py" line="-2"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../omni_desktop/ui/recipients/model.py" line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/recipients/model.py" line="+2"/>
        <source>Normalised / Problem</source>
        <translation>Normalisiert / Problem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone number as typed: with its country code, e.g. +385 91 234 5678</source>
        <translation>Die Telefonnummer wie eingegeben: mit Ländervorwahl, z. B. +385 91 234 5678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mail address, for the e-mail channel</source>
        <translation>Die E-Mail-Adresse, für den E-Mail-Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own messageId for this destination; left empty, one is made at send time</source>
        <translation>Ihre eigene messageId für dieses Ziel; leer gelassen, wird beim Senden eine erzeugt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number and address as they will be sent, or why this row is refused</source>
        <translation>Nummer und Adresse, wie sie gesendet werden, oder warum diese Zeile abgelehnt wird</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/audience.py" line="+121"/>
        <source>Column {n}</source>
        <translation>Spalte {n}</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The number {text} is in scientific notation: digits lost by the spreadsheet. Format the column as text in the spreadsheet, type the numbers again and export.</source>
        <translation>Die Nummer {text} steht in wissenschaftlicher Schreibweise: Die Tabellenkalkulation hat Ziffern verloren. Formatieren Sie die Spalte in der Tabellenkalkulation als Text, geben Sie die Nummern erneut ein und exportieren Sie die Datei noch einmal.</translation>
    </message>
    <message>
        <location line="+81"/>
        <location filename="../../omni_desktop/ui/recipients/model.py" line="+57"/>
        <source>The row has no phone number or e-mail address.</source>
        <translation>Die Zeile hat keine Telefonnummer und keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/recipients/model.py" line="+26"/>
        <source>Type a phone number or an e-mail address.</source>
        <translation>Geben Sie eine Telefonnummer oder eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/recipients/paste.py" line="+22"/>
        <source>Paste recipients</source>
        <translation>Empfänger einfügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One recipient per line: a phone number with its country code and/or an e-mail address, optionally followed by your message ID, separated by commas, semicolons or tabs.</source>
        <translation>Ein Empfänger pro Zeile: eine Telefonnummer mit Ländervorwahl und/oder eine E-Mail-Adresse, optional gefolgt von Ihrer Nachrichten-ID, getrennt durch Kommas, Semikolons oder Tabulatoren.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recipients to add, one per line</source>
        <translation>Hinzuzufügende Empfänger, einer pro Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste or type recipients here, one per line</source>
        <translation>Empfänger hier einfügen oder eingeben, einer pro Zeile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add these recipients to the list</source>
        <translation>Diese Empfänger zur Liste hinzufügen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/recipients/editor.py" line="-32"/>
        <source>Paste many recipients</source>
        <translation>Viele Empfänger einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add many recipients at once, one per line</source>
        <translation>Viele Empfänger auf einmal hinzufügen, einer pro Zeile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a recipient row</source>
        <translation>Eine Empfängerzeile hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an empty row and start typing in it</source>
        <translation>Eine leere Zeile hinzufügen und darin zu tippen beginnen</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Remove the selected recipients</source>
        <translation>Die ausgewählten Empfänger entfernen</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+315"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="-313"/>
        <location line="+315"/>
        <source>Re&amp;do</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="-306"/>
        <source>Paste…</source>
        <translation>Einfügen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected rows (Delete)</source>
        <translation>Die ausgewählten Zeilen entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+228"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Remove all recipients</source>
        <translation>Alle Empfänger entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove every recipient from the list</source>
        <translation>Alle Empfänger aus der Liste entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recipient counts</source>
        <translation>Anzahl der Empfänger</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read the numbers read abroad as the default country&apos;s</source>
        <translation>Die im Ausland gelesenen Nummern als Nummern im Standardland lesen</translation>
    </message>
    <message numerus="yes">
        <location line="+174"/>
        <source>Remove %n recipient(s)</source>
        <translation>
            <numerusform>%n Empfänger entfernen</numerusform>
            <numerusform>%n Empfänger entfernen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Clear the recipients?</source>
        <translation>Alle Empfänger entfernen?</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Read %n as {country} number(s)</source>
        <translation>
            <numerusform>%n als Nummer in {country} lesen</numerusform>
            <numerusform>%n als Nummern in {country} lesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Read %n number(s) as the default country&apos;s</source>
        <translation>
            <numerusform>%n Nummer im Standardland lesen</numerusform>
            <numerusform>%n Nummern im Standardland lesen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{head}: {valid:,} valid, {invalid:,} invalid</source>
        <translation>{head}: {valid:,} gültig, {invalid:,} ungültig</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Rückgängig: {step}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;do {step}</source>
        <translation>&amp;Wiederherstellen: {step}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../omni_desktop/ui/history/campaign_text.py" line="-22"/>
        <location filename="../../omni_desktop/ui/recipients/editor.py" line="-11"/>
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n Empfänger</numerusform>
            <numerusform>%n Empfänger</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/recipients/editor.py" line="+57"/>
        <source>Rows that can be sent, and rows that are refused</source>
        <translation>Zeilen, die gesendet werden können, und abgelehnte Zeilen</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Paste %n recipient(s)</source>
        <translation>
            <numerusform>%n Empfänger einfügen</numerusform>
            <numerusform>%n Empfänger einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Clear %n recipient(s)</source>
        <translation>
            <numerusform>Liste mit %n Empfänger leeren</numerusform>
            <numerusform>Liste mit %n Empfängern leeren</numerusform>
        </translation>
    </message>
    <message>
        <location line="-340"/>
        <source>Double-click a cell to edit it; Ctrl+V pastes lines, Delete removes rows</source>
        <translation>Doppelklicken Sie auf eine Zelle, um sie zu bearbeiten; Strg+V fügt Zeilen ein, Entf entfernt Zeilen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the recipients on the clipboard, one per line</source>
        <translation>Die Empfänger aus der Zwischenablage hinzufügen, einer pro Zeile</translation>
    </message>
    <message numerus="yes">
        <location line="+167"/>
        <source>Remove all %n recipient(s) from the list? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Den %n Empfänger aus der Liste entfernen? Rückgängig (Strg+Z) holt ihn zurück.</numerusform>
            <numerusform>Alle %n Empfänger aus der Liste entfernen? Rückgängig (Strg+Z) holt sie zurück.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Read abroad with a warning, though also valid in {country}: %n number(s). This writes them with the country code of {country}; Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Im Ausland gelesen, mit Warnung, obwohl auch in {country} gültig: %n Nummer. Dies schreibt sie mit der Landesvorwahl von {country}; Rückgängig (Strg+Z) stellt sie wieder her.</numerusform>
            <numerusform>Im Ausland gelesen, mit Warnung, obwohl auch in {country} gültig: %n Nummern. Dies schreibt sie mit der Landesvorwahl von {country}; Rückgängig (Strg+Z) stellt sie wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No recipients</source>
        <translation>Keine Empfänger</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/request_preview.py" line="-22"/>
        <source>POST {path}: IDs are made at send time where you gave none.</source>
        <translation>POST {path}: Wo Sie keine IDs angegeben haben, werden sie beim Senden erzeugt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Show the whole request body, every destination in it</source>
        <translation>Den ganzen Anfragetext zeigen, mit jedem Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy JSON</source>
        <translation>JSON kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the request body to the clipboard</source>
        <translation>Den Anfragetext in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy a cURL command; the credentials are left as {var}</source>
        <translation>Einen cURL-Befehl kopieren; die Anmeldedaten bleiben als {var} stehen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>… showing {shown} of {n:,} destinations; Copy gives them all.</source>
        <translation>… {shown} von {n:,} Zielen angezeigt; Kopieren liefert alle.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Preparing every destination…</source>
        <translation>Alle Ziele werden vorbereitet…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Show all {n:,} destination(s)</source>
        <translation>
            <numerusform>Das {n:,} Ziel zeigen</numerusform>
            <numerusform>Alle {n:,} Ziele zeigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/scenario_picker.py" line="+1"/>
        <source>The failover flow this message follows, step by step.</source>
        <translation>Der Failover-Ablauf dieser Nachricht, Schritt für Schritt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reload the scenarios from the server</source>
        <translation>Die Szenarien neu vom Server laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh scenarios</source>
        <translation>Szenarien aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manage…</source>
        <translation>Verwalten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../omni_desktop/ui/window/actions.py" line="-133"/>
        <source>List, create and edit the account&apos;s scenarios</source>
        <translation>Die Szenarien des Kontos auflisten, anlegen und bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manage scenarios</source>
        <translation>Szenarien verwalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <location filename="../../omni_desktop/ui/scenarios/dialog.py" line="-96"/>
        <location line="+6"/>
        <source>Loading scenarios…</source>
        <translation>Szenarien werden geladen…</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Scenario flow</source>
        <translation>Ablauf des Szenarios</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Default scenario</source>
        <translation>Standardszenario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default scenario ({name})</source>
        <translation>Standardszenario ({name})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{key} (not found on this account)</source>
        <translation>{key} (in diesem Konto nicht gefunden)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../omni_desktop/ui/scenarios/dialog.py" line="+6"/>
        <source>Scenarios could not be loaded: {reason}</source>
        <translation>Szenarien konnten nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Flow: {flow}</source>
        <translation>Ablauf: {flow}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This scenario is not on the account.</source>
        <translation>Dieses Szenario gibt es in dem Konto nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The account&apos;s default scenario is used.</source>
        <translation>Das Standardszenario des Kontos wird verwendet.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/schedule_editor.py" line="+30"/>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Send now</source>
        <translation>Sofort senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send at:</source>
        <translation>Senden am:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send at date and time</source>
        <translation>Am Datum und zur Uhrzeit senden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time zone of the send time</source>
        <translation>Zeitzone des Sendezeitpunkts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time zone the date and time above are in.</source>
        <translation>Die Zeitzone, in der Datum und Uhrzeit oben angegeben sind.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>This moment has passed: choose a time in the future, or Send now.</source>
        <translation>Dieser Zeitpunkt ist vorbei: Wählen Sie eine Zeit in der Zukunft oder „Sofort senden“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform accepts a send time less than 180 days ahead.</source>
        <translation>Die Plattform akzeptiert einen Sendezeitpunkt weniger als 180 Tage im Voraus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown time zone: pick one from the list.</source>
        <translation>Unbekannte Zeitzone: Wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The first step is tried as soon as the request is accepted.</source>
        <translation>Der erste Schritt wird versucht, sobald die Anfrage angenommen ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local: {local} · UTC: {utc}</source>
        <translation>Lokal: {local} · UTC: {utc}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/send_dialog.py" line="+38"/>
        <source>Send this message?</source>
        <translation>Diese Nachricht senden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target: {target}</source>
        <translation>Ziel: {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing is delivered</source>
        <translation>nichts wird zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients: {n:,}</source>
        <translation>Empfänger: {n:,}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channels, in the order tried:</source>
        <translation>Kanäle, in der Reihenfolge der Versuche:</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>SMS: %n segment(s) per recipient</source>
        <translation>
            <numerusform>SMS: %n Segment pro Empfänger</numerusform>
            <numerusform>SMS: %n Segmente pro Empfänger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>Requests: %n</source>
        <translation>
            <numerusform>Anfragen: %n</numerusform>
            <numerusform>Anfragen: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="-81"/>
        <source>SMS segments in total: {n:,} ({per} × {recipients:,} recipients)</source>
        <translation>SMS-Segmente insgesamt: {n:,} ({per} × {recipients:,} Empfänger)</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Send to {n:,} recipient(s)</source>
        <translation>
            <numerusform>An {n:,} Empfänger senden</numerusform>
            <numerusform>An {n:,} Empfänger senden</numerusform>
        </translation>
    </message>
    <message>
        <location line="-23"/>
        <source>When: {when}</source>
        <translation>Wann: {when}</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>SMS: {low}–{high} segments per recipient (the texts differ)</source>
        <translation>SMS: {low}–{high} Segmente pro Empfänger (die Texte unterscheiden sich)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SMS segments in total: {n:,}</source>
        <translation>SMS-Segmente insgesamt: {n:,}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>now</source>
        <translation>sofort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause and Cancel act between requests; a request on its way is never cancelled, and a stopped campaign can be resumed.</source>
        <translation>Anhalten und Abbrechen wirken zwischen den Anfragen; eine Anfrage unterwegs wird nie abgebrochen, und eine gestoppte Kampagne kann fortgesetzt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Once the request is on its way it cannot be cancelled.</source>
        <translation>Ist die Anfrage unterwegs, kann sie nicht mehr abgebrochen werden.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>When each channel is tried:</source>
        <translation>Wann jeder Kanal versucht wird:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This goes to real people. Type the account name “{name}” to send:</source>
        <translation>Dies geht an echte Menschen. Geben Sie zum Senden den Kontonamen „{name}“ ein:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Account name to confirm the send</source>
        <translation>Kontoname zur Bestätigung des Sendens</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n distinct text(s)</source>
        <translation>
            <numerusform>%n verschiedenen Text</numerusform>
            <numerusform>%n verschiedene Texte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests: {n:,}, for {texts}, at most {chunk:,} recipients each</source>
        <translation>Anfragen: {n:,} für {texts}, je höchstens {chunk:,} Empfänger</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recipients per &amp;request:</source>
        <translation>Empfänger pro &amp;Anfrage:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> messages a minute</source>
        <translation> Nachrichten pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending &amp;speed limit:</source>
        <translation>&amp;Höchstgeschwindigkeit beim Senden:</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="-65"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="-1"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+2"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+1"/>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="+5"/>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+3"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/rows.py" line="+51"/>
        <source>The send&apos;s answer never arrived: the message may or may not be sent.</source>
        <translation>Die Antwort auf die Sendung ist nie eingetroffen: Die Nachricht wurde möglicherweise gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the delivery reports before sending again.</source>
        <translation>Prüfen Sie die Zustellberichte, bevor Sie erneut senden.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/model.py" line="+197"/>
        <source>Action: {action}</source>
        <translation>Maßnahme: {action}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No status received yet.</source>
        <translation>Noch kein Status empfangen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: {error}</source>
        <translation>Fehler: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{local} local time
{utc} UTC</source>
        <translation>{local} Ortszeit
{utc} UTC</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/banner.py" line="+46"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dismiss the error message</source>
        <translation>Die Fehlermeldung schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/panel.py" line="+154"/>
        <source>Bulk ID:</source>
        <translation>Bulk-ID:</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/history.py" line="-11"/>
        <location filename="../../omni_desktop/ui/history/models.py" line="-6"/>
        <location filename="../../omni_desktop/ui/history/requests.py" line="-2"/>
        <location filename="../../omni_desktop/ui/status/panel.py" line="+8"/>
        <source>Bulk ID</source>
        <translation>Bulk-ID</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/panel.py" line="+1"/>
        <source>The bulkId of the last send, shared by all its messages</source>
        <translation>Die bulkId der letzten Sendung, gemeinsam für alle ihre Nachrichten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy ID</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the bulk ID</source>
        <translation>Die Bulk-ID kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the bulk ID to the clipboard</source>
        <translation>Die Bulk-ID in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages per status group</source>
        <translation>Nachrichten pro Statusgruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+271"/>
        <source>How many messages are in each status group</source>
        <translation>Wie viele Nachrichten in jeder Statusgruppe sind</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Filter: number, message ID, status…</source>
        <translation>Filter: Nummer, Nachrichten-ID, Status…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter messages</source>
        <translation>Nachrichten filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the messages with this text in any column</source>
        <translation>Nur Nachrichten mit diesem Text in einer beliebigen Spalte anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status group</source>
        <translation>Statusgruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the messages in this status group</source>
        <translation>Nur Nachrichten dieser Statusgruppe anzeigen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message statuses</source>
        <translation>Nachrichtenstatus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One row per message; click a column header to sort</source>
        <translation>Eine Zeile pro Nachricht; zum Sortieren auf einen Spaltenkopf klicken</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No messages sent yet. Send a message to see its status here.</source>
        <translation>Noch keine Nachrichten gesendet. Senden Sie eine Nachricht, um hier ihren Status zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No messages</source>
        <translation>Keine Nachrichten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rows shown to a CSV file</source>
        <translation>Die angezeigten Zeilen in einer CSV-Datei speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Excel workbook (XLSX)…</source>
        <translation>Excel-Arbeitsmappe (XLSX) exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rows shown to an XLSX file</source>
        <translation>Die angezeigten Zeilen in einer XLSX-Datei speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the funnel as a picture (PNG)…</source>
        <translation>Trichter als Bild (PNG) speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the delivery funnel as a PNG picture</source>
        <translation>Den Zustelltrichter als PNG-Bild speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy the selected rows</source>
        <translation>Die ausgewählten Zeilen kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the rows shown to CSV</source>
        <translation>Die angezeigten Zeilen als CSV exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+154"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location line="-381"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+326"/>
        <source>Could not save the {kind} file {path}: {reason}.</source>
        <translation>Die {kind}-Datei {path} konnte nicht gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save the picture {path}: check that the folder exists and can be written to.</source>
        <translation>Das Bild {path} konnte nicht gespeichert werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Export {kind}</source>
        <translation>{kind} exportieren</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/region_dialog.py" line="+38"/>
        <source>Default country</source>
        <translation>Standardland</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None: every number needs its country code</source>
        <translation>Keines: Jede Nummer braucht ihre Ländervorwahl</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Numbers written without their country code, such as 079 302 67 27, are read as this country&apos;s. Numbers with + or 00 and their code are never changed.</source>
        <translation>Nummern ohne Ländervorwahl, etwa 079 302 67 27, werden als Nummern dieses Landes gelesen. Nummern mit + oder 00 und ihrer Vorwahl bleiben immer unverändert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Default country:</source>
        <translation>&amp;Standardland:</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/channels.py" line="-68"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The message text for this channel.</source>
        <translation>Der Nachrichtentext für diesen Kanal.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+51"/>
        <location line="+55"/>
        <location line="+16"/>
        <location line="+19"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Transliteration</source>
        <translation>Transliteration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace characters the handset may not show with close GSM equivalents.</source>
        <translation>Zeichen, die das Gerät evtl. nicht anzeigt, durch ähnliche GSM-Zeichen ersetzen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+72"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>National language shift table for GSM-7 (TR, ES, PT).</source>
        <translation>Nationale Sprachtabelle für GSM-7 (TR, ES, PT).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Image URL</source>
        <translation>Bild-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An image shown with the text.</source>
        <translation>Ein Bild, das mit dem Text angezeigt wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Button text</source>
        <translation>Schaltflächentext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most 30 characters.</source>
        <translation>Höchstens 30 Zeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Button URL</source>
        <translation>Schaltflächen-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened by the button.</source>
        <translation>Wird von der Schaltfläche geöffnet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Promotional</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the content as promotional.</source>
        <translation>Den Inhalt als Werbung kennzeichnen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text to speak</source>
        <translation>Zu sprechender Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read out by text-to-speech.</source>
        <translation>Wird per Sprachausgabe vorgelesen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TTS language code, e.g. en.</source>
        <translation>Sprachcode der Sprachausgabe, z. B. en.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TEXT needs text; IMAGE, AUDIO, VIDEO and FILE need a URL.</source>
        <translation>TEXT braucht Text; IMAGE, AUDIO, VIDEO und FILE brauchen eine URL.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Media URL</source>
        <translation>Medien-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The media for IMAGE, AUDIO, VIDEO, FILE.</source>
        <translation>Das Medium für IMAGE, AUDIO, VIDEO, FILE.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The e-mail subject line.</source>
        <translation>Die Betreffzeile der E-Mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The e-mail body.</source>
        <translation>Der Text der E-Mail.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/scenario.py" line="+131"/>
        <source>The scenario needs a name.</source>
        <translation>Das Szenario braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario needs a flow with at least one step.</source>
        <translation>Das Szenario braucht einen Ablauf mit mindestens einem Schritt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step {n} has the channel {channel!r}; use one of {known}.</source>
        <translation>Schritt {n} hat den Kanal {channel!r}; verwenden Sie einen von {known}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step {n} uses {channel} again (step {first} has it); a channel can be in a flow only once.</source>
        <translation>Schritt {n} verwendet {channel} erneut (Schritt {first} hat ihn schon); ein Kanal kann nur einmal im Ablauf vorkommen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step {n} ({channel}): {reason}</source>
        <translation>Schritt {n} ({channel}): {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The scenario is not a JSON object.</source>
        <translation>Das Szenario ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scenario&apos;s name must be text.</source>
        <translation>Der Name des Szenarios muss Text sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;default&apos; must be true or false.</source>
        <translation>&apos;default&apos; muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The flow must be a list of steps.</source>
        <translation>Der Ablauf muss eine Liste von Schritten sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Step {n} of the flow is not a JSON object.</source>
        <translation>Schritt {n} des Ablaufs ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step {n} needs a channel, such as &quot;SMS&quot;.</source>
        <translation>Schritt {n} braucht einen Kanal, etwa &quot;SMS&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step {n} has a sender (&apos;from&apos;) that is not text.</source>
        <translation>Schritt {n} hat einen Absender (&apos;from&apos;), der kein Text ist.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No step of the flow has content: nothing would be tried.</source>
        <translation>Kein Schritt des Ablaufs hat Inhalt: Es würde nichts versucht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{channel} {time} if not delivered</source>
        <translation>{channel} {time}, falls nicht zugestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gives up {time}</source>
        <translation>Abbruch {time}</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/senders.py" line="+62"/>
        <source>The sender holds a line break or a control character; write it on one line.</source>
        <translation>Der Absender enthält einen Zeilenumbruch oder ein Steuerzeichen; schreiben Sie ihn in eine Zeile.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender is longer than {limit} characters.</source>
        <translation>Der Absender ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender starts or ends with a space; remove it.</source>
        <translation>Der Absender beginnt oder endet mit einem Leerzeichen; entfernen Sie es.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sender must be an e-mail address: {reason}</source>
        <translation>Der Absender muss eine E-Mail-Adresse sein: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sender {sender!r} is not a phone number; write digits only, like 41793026727.</source>
        <translation>Der Absender {sender!r} ist keine Telefonnummer; schreiben Sie nur Ziffern, etwa 41793026727.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A sender number has {low} to {high} digits, not {count}.</source>
        <translation>Eine Absendernummer hat {low} bis {high} Ziffern, nicht {count}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>An SMS sender uses only the letters A-Z, digits and single spaces, or is a phone number; {sender!r} is neither.</source>
        <translation>Ein SMS-Absender besteht nur aus den Buchstaben A-Z, Ziffern und einzelnen Leerzeichen oder ist eine Telefonnummer; {sender!r} ist keines von beiden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An SMS sender of letters is at most {limit} characters; {sender!r} has {count}.</source>
        <translation>Ein SMS-Absender aus Buchstaben hat höchstens {limit} Zeichen; {sender!r} hat {count}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>At most 11 letters and digits, or a phone number.</source>
        <translation>Höchstens 11 Buchstaben und Ziffern, oder eine Telefonnummer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A phone number, digits only.</source>
        <translation>Eine Telefonnummer, nur Ziffern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An e-mail address, like shop@example.com.</source>
        <translation>Eine E-Mail-Adresse, etwa shop@example.com.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender name or code registered with the account.</source>
        <translation>Der beim Konto registrierte Absendername oder -code.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/errors.py" line="+24"/>
        <location filename="../../omni_desktop/storage/outbox_db.py" line="-148"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk quota is used up</source>
        <translation>das Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only</source>
        <translation>der Datenträger ist schreibgeschützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location filename="../../omni_desktop/storage/outbox_db.py" line="+3"/>
        <source>permission was denied</source>
        <translation>der Zugriff wurde verweigert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a part of the path is a file, not a folder</source>
        <translation>ein Teil des Pfads ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a file is in the way where a folder should be</source>
        <translation>wo ein Ordner sein sollte, liegt eine Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder does not exist</source>
        <translation>der Ordner existiert nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk could not be read or written (input/output error)</source>
        <translation>der Datenträger konnte nicht gelesen oder beschrieben werden (Ein-/Ausgabefehler)</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/style.py" line="-3"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undeliverable</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/sheets.py" line="+81"/>
        <source>{name} is a workbook (e.g. Excel) with a text file&apos;s name; rename it to .xlsx or .ods and import it again.</source>
        <translation>{name} ist eine Arbeitsmappe (z. B. Excel) mit dem Namen einer Textdatei; benennen Sie sie in .xlsx oder .ods um und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name} is not a file.</source>
        <translation>{name} ist keine Datei.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is larger than {mb} MB; split the list into smaller files and import each.</source>
        <translation>{name} ist größer als {mb} MB; teilen Sie die Liste in kleinere Dateien auf und importieren Sie jede.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} could not be read ({reason}).</source>
        <translation>{name} konnte nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not tell the text encoding of {name}; save it as “CSV UTF-8” and import it again.</source>
        <translation>Die Textkodierung von {name} ist nicht erkennbar; speichern Sie die Datei als „CSV UTF-8“ und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{encoding} is not an encoding this import reads; choose one of {known}.</source>
        <translation>{encoding} ist keine Kodierung, die dieser Import liest; wählen Sie eine von {known}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} cannot be read as {encoding}; choose another encoding.</source>
        <translation>{name} lässt sich nicht als {encoding} lesen; wählen Sie eine andere Kodierung.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>{name} is not a text or spreadsheet file; import a .csv, .tsv, .txt, .xlsx, .xls or .ods file.</source>
        <translation>{name} ist weder Text- noch Tabellendatei; importieren Sie eine .csv-, .tsv-, .txt-, .xlsx-, .xls- oder .ods-Datei.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Row {row} of {name} could not be read ({reason}); check it and try again.</source>
        <translation>Zeile {row} von {name} konnte nicht gelesen werden ({reason}); prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Row {row} of {name} has {count} columns, more than {limit}; check the file&apos;s delimiter, or remove the extra columns.</source>
        <translation>Zeile {row} von {name} hat {count} Spalten, mehr als {limit}; prüfen Sie das Trennzeichen der Datei oder entfernen Sie die zusätzlichen Spalten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name} has more than {limit} rows; split it into smaller files.</source>
        <translation>{name} hat mehr als {limit} Zeilen; teilen Sie die Datei in kleinere auf.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} could not be written ({reason}).</source>
        <translation>{name} konnte nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{name} is not a spreadsheet this app can read ({reason}); save it again as .xlsx or .csv.</source>
        <translation>{name} ist keine Tabelle, die diese App lesen kann ({reason}); speichern Sie sie erneut als .xlsx oder .csv.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} has no sheet named “{sheet}”; its sheets are: {names}.</source>
        <translation>{name} hat kein Blatt namens „{sheet}“; die Blätter sind: {names}.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>{name} is damaged or not a spreadsheet; open it in its program and save it again.</source>
        <translation>{name} ist beschädigt oder keine Tabelle; öffnen Sie die Datei in ihrem Programm und speichern Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>{name} spans {rows} rows by {columns} columns, more than a recipient list can hold; copy the list into a new sheet and save it again.</source>
        <translation>{name} umfasst {rows} Zeilen mal {columns} Spalten, mehr als eine Empfängerliste fassen kann; kopieren Sie die Liste in ein neues Blatt und speichern Sie erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} unpacks to more than {mb} MB, which no recipient list needs; it may be damaged. Save the list again, or as .csv.</source>
        <translation>{name} entpackt sich zu mehr als {mb} MB, was keine Empfängerliste braucht; die Datei ist evtl. beschädigt. Speichern Sie die Liste erneut oder als .csv.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/cli_scenarios.py" line="+74"/>
        <source>Give the key of the scenario to update.</source>
        <translation>Geben Sie den Schlüssel des Szenarios an, das geändert werden soll.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/cli_common.py" line="+83"/>
        <source>Signing in with {source}.</source>
        <translation>Anmeldung mit {source}.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/cli_scenarios.py" line="-14"/>
        <source>The command stopped {where} ({kind}).</source>
        <translation>Der Befehl wurde {where} abgebrochen ({kind}).</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/cli_common.py" line="-38"/>
        <source>after the request went out</source>
        <translation>nachdem die Anfrage hinausging</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/cli_scenarios.py" line="+1"/>
        <source>before anything was saved</source>
        <translation>bevor etwas gespeichert wurde</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The scenario is not valid; nothing was sent.</source>
        <translation>Das Szenario ist ungültig; nichts wurde gesendet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DEFAULT</source>
        <translation>STANDARD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FLOW</source>
        <translation>ABLAUF</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n scenario(s).</source>
        <translation>
            <numerusform>%n Szenario.</numerusform>
            <numerusform>%n Szenarien.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/images.py" line="+49"/>
        <source>The image URL must start with http:// or https://.</source>
        <translation>Die Bild-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The image did not load within {n:g} seconds.</source>
        <translation>Das Bild wurde nicht innerhalb von {n:g} Sekunden geladen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The image did not load: {reason}.</source>
        <translation>Das Bild konnte nicht geladen werden: {reason}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The image URL redirects to an address that is not http(s).</source>
        <translation>Die Bild-URL leitet auf eine Adresse weiter, die nicht http(s) ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The image did not load: the server answered {code} {reason}.</source>
        <translation>Das Bild konnte nicht geladen werden: Der Server antwortete mit {code} {reason}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image URL redirects too many times.</source>
        <translation>Die Bild-URL leitet zu oft weiter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The image is larger than {mb} MB, too big for a preview.</source>
        <translation>Das Bild ist größer als {mb} MB und damit zu groß für eine Vorschau.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/preview/images.py" line="+38"/>
        <source>The image is {w:,} x {h:,} pixels, too big for a preview.</source>
        <translation>Das Bild hat {w:,} × {h:,} Pixel und ist damit zu groß für eine Vorschau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file at the image URL is not a picture the preview can show.</source>
        <translation>Die Datei unter der Bild-URL ist kein Bild, das die Vorschau anzeigen kann.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/preview/others.py" line="+39"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(the scenario&apos;s e-mail sender)</source>
        <translation>(der E-Mail-Absender des Szenarios)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no e-mail address in this row)</source>
        <translation>(keine E-Mail-Adresse in dieser Zeile)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(the scenario&apos;s voice number)</source>
        <translation>(die Voice-Nummer des Szenarios)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call from {sender}</source>
        <translation>Anruf von {sender}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../omni_desktop/ui/preview/sms.py" line="+198"/>
        <location filename="../../omni_desktop/ui/preview/viber.py" line="+73"/>
        <source>To: {phone}</source>
        <translation>An: {phone}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+45"/>
        <location filename="../../omni_desktop/ui/preview/viber.py" line="+2"/>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Nothing to speak yet.</source>
        <translation>Noch kein Text zum Vorlesen.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About {time} to speak ({words} at {wpm} words a minute)</source>
        <translation>Etwa {time} Sprechdauer ({words} bei {wpm} Wörtern pro Minute)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{kind}: {url}</source>
        <translation>{kind}: {url}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no URL)</source>
        <translation>(keine URL)</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/preview/panel.py" line="+56"/>
        <source>Device preview</source>
        <translation>Gerätevorschau</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/test_send.py" line="-127"/>
        <location filename="../../omni_desktop/ui/preview/panel.py" line="+24"/>
        <source>Row </source>
        <translation>Zeile </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient row whose text is sent</source>
        <translation>Empfängerzeile, deren Text gesendet wird</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The test message</source>
        <translation>Die Testnachricht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Text &amp;of:</source>
        <translation>Text &amp;von:</translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../../omni_desktop/ui/preview/panel.py" line="+84"/>
        <source>No recipient</source>
        <translation>Kein Empfänger</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/preview/panel.py" line="-82"/>
        <source>Recipient row shown in the preview</source>
        <translation>In der Vorschau gezeigte Empfängerzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recipients table row the preview shows</source>
        <translation>Die Zeile der Empfängertabelle, die die Vorschau zeigt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Device &amp;preview</source>
        <translation>&amp;Gerätevorschau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show or hide the device preview (F8)</source>
        <translation>Die Gerätevorschau ein- oder ausblenden (F8)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>{channel} preview</source>
        <translation>{channel}-Vorschau</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/preview/sms.py" line="-3"/>
        <source>(the scenario&apos;s SMS sender)</source>
        <translation>(der SMS-Absender des Szenarios)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From: {sender}</source>
        <translation>Von: {sender}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No text yet.</source>
        <translation>Noch kein Text.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n Segment</numerusform>
            <numerusform>%n Segmente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Unicode because of %n highlighted character(s)</source>
        <translation>
            <numerusform>Unicode wegen %n markierten Zeichens</numerusform>
            <numerusform>Unicode wegen %n markierter Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the preview shows the first {n:,} characters</source>
        <translation>die Vorschau zeigt die ersten {n:,} Zeichen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/preview/viber.py" line="-5"/>
        <source>(the scenario&apos;s Viber sender)</source>
        <translation>(der Viber-Absender des Szenarios)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Loading image…</source>
        <translation>Bild wird geladen…</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/status/funnel.py" line="+64"/>
        <source>Delivery funnel</source>
        <translation>Zustelltrichter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Click a bar to show its messages in the table.</source>
        <translation>Klicken Sie auf einen Balken, um seine Nachrichten in der Tabelle anzuzeigen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n}. {channel}: {reached} tried, {delivered} delivered, {fell} fell through, {failed} failed or expired, {pending} pending</source>
        <translation>{n}. {channel}: {reached} versucht, {delivered} zugestellt, {fell} weitergereicht, {failed} fehlgeschlagen oder abgelaufen, {pending} ausstehend</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>no channel yet</source>
        <translation>noch kein Kanal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{channel}: delivered</source>
        <translation>{channel}: zugestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{channel}: failed or expired</source>
        <translation>{channel}: fehlgeschlagen oder abgelaufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{channel}: pending</source>
        <translation>{channel}: ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: fell through to a later step</source>
        <translation>{channel}: an einen späteren Schritt weitergereicht</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{n} tried</source>
        <translation>{n} versucht</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{total:,} messages: {delivered:,} delivered, {failed:,} failed or expired, {pending:,} pending</source>
        <translation>{total:,} Nachrichten: {delivered:,} zugestellt, {failed:,} fehlgeschlagen oder abgelaufen, {pending:,} ausstehend</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Price: {totals} ({parts})</source>
        <translation>Preis: {totals} ({parts})</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/timeline.py" line="+38"/>
        <source>Failover timeline</source>
        <translation>Failover-Zeitachse</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a scenario to see when each channel is tried.</source>
        <translation>Wählen Sie ein Szenario, um zu sehen, wann jeder Kanal versucht wird.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>gives up</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/export.py" line="+42"/>
        <source>Export sends made between</source>
        <translation>Sendungen eines Zeitraums exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To</source>
        <comment>the end of a time range</comment>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From (local time):</source>
        <translation>Von (Ortszeit):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (local time):</source>
        <translation>Bis (Ortszeit):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>send-{id}</source>
        <translation>sendung-{id}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>sends-{since}-{until}</source>
        <translation>sendungen-{since}-{until}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CSV files</source>
        <translation>CSV-Dateien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbooks</source>
        <translation>Excel-Arbeitsmappen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/importing/controller.py" line="+59"/>
        <source>Import recipients</source>
        <translation>Empfänger importieren</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/importing/dialog.py" line="+43"/>
        <source>commas</source>
        <translation>Kommas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semicolons</source>
        <translation>Semikolons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tabs</source>
        <translation>Tabulatoren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vertical bars</source>
        <translation>senkrechte Striche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Tabellendateien ({patterns})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import recipients from {name}</source>
        <translation>Empfänger aus {name} importieren</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sheet</source>
        <translation>Blatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Blatt:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the file&apos;s bytes are read as letters; choose another if names look wrong</source>
        <translation>Wie die Bytes der Datei als Buchstaben gelesen werden; wählen Sie eine andere, wenn Namen falsch aussehen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;ncoding:</source>
        <translation>K&amp;odierung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header row</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None: the data starts in row 1</source>
        <translation>Keine: Die Daten beginnen in Zeile 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The row holding the column names; 0 when there is none</source>
        <translation>Die Zeile mit den Spaltennamen; 0, wenn es keine gibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone column</source>
        <translation>Spalte für Telefonnummern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail column</source>
        <translation>Spalte für E-Mail-Adressen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message ID column</source>
        <translation>Spalte für Nachrichten-IDs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How numbers written without their country code are read, e.g. 079 302 67 27</source>
        <translation>Wie Nummern ohne Ländervorwahl gelesen werden, z. B. 079 302 67 27</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+163"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an exclusion list</source>
        <translation>Eine Ausschlussliste auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A file of numbers or e-mails that must never be sent to (opt-outs)</source>
        <translation>Eine Datei mit Nummern oder E-Mail-Adressen, an die nie gesendet werden darf (Abmeldungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No list</source>
        <translation>Keine Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use no exclusion list</source>
        <translation>Keine Ausschlussliste verwenden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Header row:</source>
        <translation>&amp;Kopfzeile:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message ID:</source>
        <translation>&amp;Nachrichten-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;country:</source>
        <translation>Standard&amp;land:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exclusion list:</source>
        <translation>Ausschlussliste:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file&apos;s first rows</source>
        <translation>Die ersten Zeilen der Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+210"/>
        <source>Reading the rows…</source>
        <translation>Die Zeilen werden gelesen…</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>Import progress</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the import; nothing is added</source>
        <translation>Den Import abbrechen; es wird nichts hinzugefügt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove &amp;duplicates</source>
        <translation>&amp;Duplikate entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove &amp;invalid rows</source>
        <translation>&amp;Ungültige Zeilen entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export invalid rows…</source>
        <translation>Ungültige Zeilen e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the invalid rows with the reason as a CSV file</source>
        <translation>Die ungültigen Zeilen mit dem Grund als CSV-Datei speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undo (Ctrl+Z) takes the import back out.</source>
        <translation>Rückgängig (Strg+Z) nimmt den Import wieder zurück.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows that cannot be sent, with the reason</source>
        <translation>Zeilen, die nicht gesendet werden können, mit dem Grund</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exclusion list</source>
        <translation>Ausschlussliste</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export invalid rows</source>
        <translation>Ungültige Zeilen exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} could not be read.</source>
        <translation>{name} konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading row {done} of {total}…</source>
        <translation>Zeile {done} von {total} wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n more column(s) kept as fields: {names}</source>
        <translation>
            <numerusform>%n weitere Spalte als Feld übernommen: {names}</numerusform>
            <numerusform>%n weitere Spalten als Felder übernommen: {names}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Choose the column with the phone numbers or the e-mail addresses.</source>
        <translation>Wählen Sie die Spalte mit den Telefonnummern oder den E-Mail-Adressen.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n row(s) imported</source>
        <translation>
            <numerusform>%n Zeile importiert</numerusform>
            <numerusform>%n Zeilen importiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} valid</source>
        <translation>{n} gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} invalid</source>
        <translation>{n} ungültig</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n Duplikat</numerusform>
            <numerusform>%n Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n excluded (on the exclusion list, never sent)</source>
        <translation>
            <numerusform>%n ausgeschlossen (auf der Ausschlussliste, nie gesendet)</numerusform>
            <numerusform>%n ausgeschlossen (auf der Ausschlussliste, nie gesendet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n over-long cell(s) were cut.</source>
        <translation>
            <numerusform>%n überlange Zelle wurde gekürzt.</numerusform>
            <numerusform>%n überlange Zellen wurden gekürzt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central European (Windows-1250)</source>
        <translation>Mitteleuropäisch (Windows-1250)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Western European (Windows-1252)</source>
        <translation>Westeuropäisch (Windows-1252)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the same phone number or e-mail as an earlier row</source>
        <translation>dieselbe Telefonnummer oder E-Mail-Adresse wie eine frühere Zeile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row {row}: {reason}</source>
        <translation>Zeile {row}: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more: Export invalid rows lists them all.</source>
        <translation>
            <numerusform>… und %n weitere: „Ungültige Zeilen exportieren“ listet alle auf.</numerusform>
            <numerusform>… und %n weitere: „Ungültige Zeilen exportieren“ listet alle auf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sheet “{sheet}”</source>
        <translation>Blatt „{sheet}“</translation>
    </message>
    <message numerus="yes">
        <location filename="../../omni_desktop/ui/importing/presenter.py" line="-101"/>
        <source>Import %n recipient(s) from {name}</source>
        <translation>
            <numerusform>%n Empfänger aus {name} importieren</numerusform>
            <numerusform>%n Empfänger aus {name} importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Remove %n duplicate(s)</source>
        <translation>
            <numerusform>%n Duplikat entfernen</numerusform>
            <numerusform>%n Duplikate entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Remove %n invalid row(s)</source>
        <translation>
            <numerusform>%n ungültige Zeile entfernen</numerusform>
            <numerusform>%n ungültige Zeilen entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Wrote %n invalid row(s) to {name}.</source>
        <translation>
            <numerusform>%n ungültige Zeile in {name} gespeichert.</numerusform>
            <numerusform>%n ungültige Zeilen in {name} gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/scenarios/dialog.py" line="-169"/>
        <source>Step channel</source>
        <translation>Kanal des Schritts</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scenarios of the account</source>
        <translation>Szenarien des Kontos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New scenario</source>
        <translation>&amp;Neues Szenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy key</source>
        <translation>Schlüssel &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected scenario&apos;s key</source>
        <translation>Den Schlüssel des gewählten Szenarios kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scenario name</source>
        <translation>Name des Szenarios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a step, or press Alt+Up or Alt+Down, to reorder.</source>
        <translation>Ziehen Sie einen Schritt oder drücken Sie Alt+Auf oder Alt+Ab, um die Reihenfolge zu ändern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add step</source>
        <translation>Schritt &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move step</source>
        <translation>Schritt &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account&apos;s &amp;default scenario</source>
        <translation>&amp;Standardszenario des Kontos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save scenario</source>
        <translation>Szenario &amp;speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Copied the key {key}.</source>
        <translation>Der Schlüssel {key} wurde kopiert.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+58"/>
        <source>Editing {name} [{key}]</source>
        <translation>{name} [{key}] wird bearbeitet</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>New scenario</source>
        <translation>Neues Szenario</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Every channel is in the flow already.</source>
        <translation>Jeder Kanal ist bereits im Ablauf.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/scenarios/models.py" line="-82"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The step needs a sender.</source>
        <translation>Der Schritt braucht einen Absender.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/scenarios/presenter.py" line="+53"/>
        <source>The app is not connected to an account yet; try again in a moment.</source>
        <translation>Die App ist noch mit keinem Konto verbunden; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/personalise.py" line="+302"/>
        <source>{placeholder} is not a column of the recipients: import a file with that column, or set a fallback value for it.</source>
        <translation>{placeholder} ist keine Spalte der Empfänger: Importieren Sie eine Datei mit dieser Spalte oder legen Sie einen Ersatzwert dafür fest.</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>{placeholder} is empty in %n row(s) (row(s) {rows}): fill in the value(s), or set a fallback value for it.</source>
        <translation>
            <numerusform>{placeholder} ist in %n Zeile leer (Zeile {rows}): Tragen Sie den Wert ein oder legen Sie einen Ersatzwert dafür fest.</numerusform>
            <numerusform>{placeholder} ist in %n Zeilen leer (Zeilen {rows}): Tragen Sie die Werte ein oder legen Sie einen Ersatzwert dafür fest.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{path} has an unclosed placeholder &quot;{text}&quot;: write it as {example}.</source>
        <translation>{path} hat einen nicht geschlossenen Platzhalter „{text}“: Schreiben Sie ihn als {example}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{path} has a placeholder closed but never opened &quot;{text}&quot;: write it as {example}.</source>
        <translation>{path} hat einen Platzhalter, der geschlossen, aber nie geöffnet wird: „{text}“. Schreiben Sie ihn als {example}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{path} has &quot;{text}&quot; with single braces: write {example} to fill it in from the recipients.</source>
        <translation>{path} enthält „{text}“ mit einfachen geschweiften Klammern: Schreiben Sie {example}, damit der Wert aus den Empfängern eingesetzt wird.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/campaigns.py" line="+252"/>
        <source>Request {n} of the campaign could not be read; nothing of it was sent.</source>
        <translation>Anfrage {n} der Kampagne konnte nicht gelesen werden; nichts davon wurde gesendet.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{reason} The campaign is paused; resume it when the connection is back.</source>
        <translation>{reason} Die Kampagne ist angehalten; setzen Sie sie fort, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request {n} was refused: {reason} The campaign is paused.</source>
        <translation>Anfrage {n} wurde abgelehnt: {reason} Die Kampagne ist angehalten.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancelled; the requests not started were not sent.</source>
        <translation>Abgebrochen; die nicht gestarteten Anfragen wurden nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/campaign_recovery.py" line="+56"/>
        <source>The test address {address}: {reason}</source>
        <translation>Die Testadresse {address}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type a phone number or an e-mail address.</source>
        <translation>Geben Sie eine Telefonnummer oder eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/storage/campaigns.py" line="+105"/>
        <source>record the campaign&apos;s plan before sending it, so nothing was sent</source>
        <translation>den Plan der Kampagne nicht vor dem Senden verzeichnen, daher wurde nichts gesendet</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>plan the request again</source>
        <translation>die Anfrage nicht neu planen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>record the campaign&apos;s state</source>
        <translation>den Zustand der Kampagne nicht verzeichnen</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/services/campaigns.py" line="+67"/>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/bar.py" line="+23"/>
        <source>{done} of {total} requests</source>
        <translation>{done} von {total} Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done:,} of {total:,} messages</source>
        <translation>{done:,} von {total:,} Nachrichten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate:,.0f}/min</source>
        <translation>{rate:,.0f}/min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about {time} left</source>
        <translation>noch etwa {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n:,} rejected</source>
        <translation>{n:,} abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} of unknown outcome</source>
        <translation>{n:,} mit unbekanntem Ergebnis</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Campaign progress</source>
        <translation>Fortschritt der Kampagne</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No request starts after this; those on their way finish.</source>
        <translation>Danach startet keine Anfrage mehr; die unterwegs werden fertig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel campaign</source>
        <translation>Kampagne abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The requests not started are never sent; those on their way finish.</source>
        <translation>Die nicht gestarteten Anfragen werden nie gesendet; die unterwegs werden fertig.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/presenter.py" line="-211"/>
        <source>The requests of unknown outcome could not be checked: {reason}</source>
        <translation>Die Anfragen mit unbekanntem Ergebnis konnten nicht geprüft werden: {reason}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The campaign stopped unexpectedly; see History before resuming it.</source>
        <translation>Die Kampagne hat unerwartet gestoppt; sehen Sie im Verlauf nach, bevor Sie sie fortsetzen.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>The test message to {to} was accepted (see History).</source>
        <translation>Die Testnachricht an {to} wurde angenommen (siehe Verlauf).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paused when omni-desktop closed; continue it at the next start.</source>
        <translation>Angehalten, als omni-desktop geschlossen wurde; beim nächsten Start fortsetzen.</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/controller.py" line="+69"/>
        <source>campaign #{id}</source>
        <translation>Kampagne #{id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A campaign is sending; Pause or Cancel act between its requests.</source>
        <translation>Eine Kampagne wird gesendet; Anhalten oder Abbrechen wirken zwischen ihren Anfragen.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n request(s) of the campaign got no answer, so their outcome is unknown; File &gt; History &gt; Check status settles them.</source>
        <translation>
            <numerusform>%n Anfrage der Kampagne bekam keine Antwort, ihr Ergebnis ist daher unbekannt; Datei &gt; Verlauf &gt; Status prüfen klärt es.</numerusform>
            <numerusform>%n Anfragen der Kampagne bekamen keine Antwort, ihr Ergebnis ist daher unbekannt; Datei &gt; Verlauf &gt; Status prüfen klärt es.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancel the campaign?</source>
        <translation>Kampagne abbrechen?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n request(s) not started yet will never be sent; those on their way finish. This cannot be undone.</source>
        <translation>
            <numerusform>Die %n noch nicht gestartete Anfrage wird nie gesendet; die unterwegs werden fertig. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>Die %n noch nicht gestarteten Anfragen werden nie gesendet; die unterwegs werden fertig. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Campaign #{id} stopped after {started} of {total} requests ({messages:,} messages). Continue it now? Only the requests never started are sent.</source>
        <translation>Kampagne #{id} hat nach {started} von {total} Anfragen ({messages:,} Nachrichten) gestoppt. Jetzt fortsetzen? Nur die nie gestarteten Anfragen werden gesendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n request(s) got no answer: the logs are asked about them first, and none is sent again without your word.</source>
        <translation>
            <numerusform>%n Anfrage bekam keine Antwort: Zuerst werden die Logs dazu befragt, und ohne Ihre Zustimmung wird nichts erneut gesendet.</numerusform>
            <numerusform>%n Anfragen bekamen keine Antwort: Zuerst werden die Logs dazu befragt, und ohne Ihre Zustimmung wird keine erneut gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue the campaign?</source>
        <translation>Kampagne fortsetzen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Send these requests again?</source>
        <translation>Diese Anfragen erneut senden?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The logs show no message of %n request(s) whose answer never came: they may never have arrived. Send them again with new IDs? If they were sent moments ago, the logs may not show them yet: choose No and check again later.</source>
        <translation>
            <numerusform>Die Logs zeigen keine Nachricht von %n Anfrage, deren Antwort nie kam: Sie ist vielleicht nie angekommen. Mit neuen IDs erneut senden? Wurde sie eben erst gesendet, zeigen die Logs sie vielleicht noch nicht: Wählen Sie Nein und prüfen Sie später noch einmal.</numerusform>
            <numerusform>Die Logs zeigen keine Nachricht von %n Anfragen, deren Antwort nie kam: Sie sind vielleicht nie angekommen. Mit neuen IDs erneut senden? Wurden sie eben erst gesendet, zeigen die Logs sie vielleicht noch nicht: Wählen Sie Nein und prüfen Sie später noch einmal.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/history/requests.py" line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/ui/campaign/fallbacks.py" line="+47"/>
        <source>all {total:,} (no such column)</source>
        <translation>alle {total:,} (keine solche Spalte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{empty:,} of {total:,}</source>
        <translation>{empty:,} von {total:,}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Placeholder fallbacks</source>
        <translation>Ersatzwerte für Platzhalter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The message has no {{Field}} placeholders.</source>
        <translation>Die Nachricht hat keine {{Field}}-Platzhalter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A fallback is the text a placeholder becomes in the rows that leave it empty. Leave it empty to keep those rows from being sent until they are filled in.</source>
        <translation>Ein Ersatzwert ist der Text, zu dem ein Platzhalter in den Zeilen wird, die ihn leer lassen. Lassen Sie ihn leer, damit diese Zeilen erst gesendet werden, wenn sie ausgefüllt sind.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows without a value</source>
        <translation>Zeilen ohne Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fallback</source>
        <translation>Ersatzwert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fallback for {placeholder}</source>
        <translation>Ersatzwert für {placeholder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No fallback</source>
        <translation>Kein Ersatzwert</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/cli.py" line="+129"/>
        <source>The send stopped {where} ({kind}).</source>
        <translation>Der Versand wurde {where} abgebrochen ({kind}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before anything was sent</source>
        <translation>bevor etwas gesendet wurde</translation>
    </message>
    <message>
        <location filename="../../omni_desktop/core/i18n.py" line="+98"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mar</source>
        <translation>Mär</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oct</source>
        <translation>Okt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dec</source>
        <translation>Dez</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday}, {day}. {month}</translation>
    </message>
</context>
</TS>
