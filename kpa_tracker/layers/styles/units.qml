<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" readOnly="0" simplifyAlgorithm="0" simplifyDrawingTol="1" symbologyReferenceScale="-1" labelsEnabled="0" simplifyMaxScale="1" minScale="100000000" simplifyDrawingHints="1" hasScaleBasedVisibilityFlag="0" maxScale="0" version="3.22.16-Białowieża" simplifyLocal="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startField="" startExpression="" endExpression="" limitMode="0" fixedDuration="0" mode="0" endField="" accumulate="0" enabled="0" durationField="" durationUnit="min">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 symbollevels="0" circleWidth="0.3" toleranceUnit="MM" tolerance="7" placement="0" circleColor="120,40,40,160" referencescale="-1" labelDistanceFactor="0.5" enableorderby="0" forceraster="0" labelAttributeName="designation" type="pointDisplacement" circleRadiusAddition="1.5" maxLabelScaleDenominator="2.5e+07" labelColor="29,29,29,255" toleranceUnitScale="3x:0,0,0,0,0,0">
    <labelFontProperties description="Noto Sans,7,-1,5,50,0,0,0,0,0" style=""/>
    <renderer-v2 symbollevels="0" referencescale="-1" enableorderby="0" forceraster="0" type="singleSymbol">
      <symbols>
        <symbol name="0" clip_to_extent="1" alpha="1" type="marker" force_rhr="0">
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
          <layer locked="0" class="SvgMarker" enabled="1" pass="0">
            <Option type="Map">
              <Option value="0" name="angle" type="QString"/>
              <Option value="35,35,35,255" name="color" type="QString"/>
              <Option value="0" name="fixedAspectRatio" type="QString"/>
              <Option value="1" name="horizontal_anchor_point" type="QString"/>
              <Option value="kpa_app6/10061000181211000001.svg" name="name" type="QString"/>
              <Option value="0,0" name="offset" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
              <Option value="MM" name="offset_unit" type="QString"/>
              <Option value="35,35,35,255" name="outline_color" type="QString"/>
              <Option value="0.2" name="outline_width" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
              <Option value="MM" name="outline_width_unit" type="QString"/>
              <Option name="parameters"/>
              <Option value="diameter" name="scale_method" type="QString"/>
              <Option value="8" name="size" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
              <Option value="MM" name="size_unit" type="QString"/>
              <Option value="1" name="vertical_anchor_point" type="QString"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="35,35,35,255"/>
            <prop k="fixedAspectRatio" v="0"/>
            <prop k="horizontal_anchor_point" v="1"/>
            <prop k="name" v="kpa_app6/10061000181211000001.svg"/>
            <prop k="offset" v="0,0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="outline_color" v="35,35,35,255"/>
            <prop k="outline_width" v="0.2"/>
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="parameters" v=""/>
            <prop k="scale_method" v="diameter"/>
            <prop k="size" v="8"/>
            <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="size_unit" v="MM"/>
            <prop k="vertical_anchor_point" v="1"/>
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties" type="Map">
                  <Option name="name" type="Map">
                    <Option value="true" name="active" type="bool"/>
                    <Option value="'kpa_app6/' || left(&quot;sidc&quot;, 6) || if(&quot;status&quot; IN ('reported', 'claimed'), '1', '0') || substr(&quot;sidc&quot;, 8) || '.svg'" name="expression" type="QString"/>
                    <Option value="3" name="type" type="int"/>
                  </Option>
                </Option>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
      </symbols>
      <rotation/>
      <sizescale/>
    </renderer-v2>
    <symbol name="centerSymbol" clip_to_extent="1" alpha="1" type="marker" force_rhr="0">
      <data_defined_properties>
        <Option type="Map">
          <Option value="" name="name" type="QString"/>
          <Option name="properties"/>
          <Option value="collection" name="type" type="QString"/>
        </Option>
      </data_defined_properties>
      <layer locked="0" class="SimpleMarker" enabled="1" pass="0">
        <Option type="Map">
          <Option value="0" name="angle" type="QString"/>
          <Option value="square" name="cap_style" type="QString"/>
          <Option value="122,31,31,255" name="color" type="QString"/>
          <Option value="1" name="horizontal_anchor_point" type="QString"/>
          <Option value="bevel" name="joinstyle" type="QString"/>
          <Option value="circle" name="name" type="QString"/>
          <Option value="0,0" name="offset" type="QString"/>
          <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
          <Option value="MM" name="offset_unit" type="QString"/>
          <Option value="255,255,255,255" name="outline_color" type="QString"/>
          <Option value="solid" name="outline_style" type="QString"/>
          <Option value="0.2" name="outline_width" type="QString"/>
          <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
          <Option value="MM" name="outline_width_unit" type="QString"/>
          <Option value="diameter" name="scale_method" type="QString"/>
          <Option value="1.4" name="size" type="QString"/>
          <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
          <Option value="MM" name="size_unit" type="QString"/>
          <Option value="1" name="vertical_anchor_point" type="QString"/>
        </Option>
        <prop k="angle" v="0"/>
        <prop k="cap_style" v="square"/>
        <prop k="color" v="122,31,31,255"/>
        <prop k="horizontal_anchor_point" v="1"/>
        <prop k="joinstyle" v="bevel"/>
        <prop k="name" v="circle"/>
        <prop k="offset" v="0,0"/>
        <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="offset_unit" v="MM"/>
        <prop k="outline_color" v="255,255,255,255"/>
        <prop k="outline_style" v="solid"/>
        <prop k="outline_width" v="0.2"/>
        <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="outline_width_unit" v="MM"/>
        <prop k="scale_method" v="diameter"/>
        <prop k="size" v="1.4"/>
        <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
        <prop k="size_unit" v="MM"/>
        <prop k="vertical_anchor_point" v="1"/>
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
      </layer>
    </symbol>
  </renderer-v2>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="name">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="names">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="status">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="as_of">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="valid_from">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="valid_to">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="precision">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="sources">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="source_urls">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="notes">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="designation">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="affiliation">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="country">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="echelon">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="role">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="strength">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="strength_min">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="strength_max">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="sidc">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="" field="id" index="0"/>
    <alias name="" field="name" index="1"/>
    <alias name="" field="names" index="2"/>
    <alias name="" field="status" index="3"/>
    <alias name="" field="as_of" index="4"/>
    <alias name="" field="valid_from" index="5"/>
    <alias name="" field="valid_to" index="6"/>
    <alias name="" field="precision" index="7"/>
    <alias name="" field="sources" index="8"/>
    <alias name="" field="source_urls" index="9"/>
    <alias name="" field="notes" index="10"/>
    <alias name="" field="designation" index="11"/>
    <alias name="" field="affiliation" index="12"/>
    <alias name="" field="country" index="13"/>
    <alias name="" field="echelon" index="14"/>
    <alias name="" field="role" index="15"/>
    <alias name="" field="strength" index="16"/>
    <alias name="" field="strength_min" index="17"/>
    <alias name="" field="strength_max" index="18"/>
    <alias name="" field="sidc" index="19"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="id" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="names" expression=""/>
    <default applyOnUpdate="0" field="status" expression=""/>
    <default applyOnUpdate="0" field="as_of" expression=""/>
    <default applyOnUpdate="0" field="valid_from" expression=""/>
    <default applyOnUpdate="0" field="valid_to" expression=""/>
    <default applyOnUpdate="0" field="precision" expression=""/>
    <default applyOnUpdate="0" field="sources" expression=""/>
    <default applyOnUpdate="0" field="source_urls" expression=""/>
    <default applyOnUpdate="0" field="notes" expression=""/>
    <default applyOnUpdate="0" field="designation" expression=""/>
    <default applyOnUpdate="0" field="affiliation" expression=""/>
    <default applyOnUpdate="0" field="country" expression=""/>
    <default applyOnUpdate="0" field="echelon" expression=""/>
    <default applyOnUpdate="0" field="role" expression=""/>
    <default applyOnUpdate="0" field="strength" expression=""/>
    <default applyOnUpdate="0" field="strength_min" expression=""/>
    <default applyOnUpdate="0" field="strength_max" expression=""/>
    <default applyOnUpdate="0" field="sidc" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="0" notnull_strength="0" field="id" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="name" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="names" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="status" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="as_of" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="valid_from" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="valid_to" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="precision" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="sources" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="source_urls" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="notes" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="designation" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="affiliation" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="country" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="echelon" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="role" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="strength" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="strength_min" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="strength_max" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="sidc" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="id"/>
    <constraint desc="" exp="" field="name"/>
    <constraint desc="" exp="" field="names"/>
    <constraint desc="" exp="" field="status"/>
    <constraint desc="" exp="" field="as_of"/>
    <constraint desc="" exp="" field="valid_from"/>
    <constraint desc="" exp="" field="valid_to"/>
    <constraint desc="" exp="" field="precision"/>
    <constraint desc="" exp="" field="sources"/>
    <constraint desc="" exp="" field="source_urls"/>
    <constraint desc="" exp="" field="notes"/>
    <constraint desc="" exp="" field="designation"/>
    <constraint desc="" exp="" field="affiliation"/>
    <constraint desc="" exp="" field="country"/>
    <constraint desc="" exp="" field="echelon"/>
    <constraint desc="" exp="" field="role"/>
    <constraint desc="" exp="" field="strength"/>
    <constraint desc="" exp="" field="strength_min"/>
    <constraint desc="" exp="" field="strength_max"/>
    <constraint desc="" exp="" field="sidc"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" sortOrder="0" actionWidgetStyle="dropDown">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
